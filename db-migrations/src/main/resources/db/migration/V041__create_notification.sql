-- In-app inbox of board members: one row per member and governance event. The text is rendered in the reader's
-- language from kind, proposal reference, title and outcome; no personal data is stored.
create table notification (
    id                 uuid        not null,
    board_member_id    uuid        not null,
    kind               text        not null,
    proposal_id        uuid        not null,
    proposal_reference text        not null,
    proposal_title     text        not null,
    outcome            text,
    due_at             timestamptz,
    created_at         timestamptz not null default now(),
    read_at            timestamptz,
    constraint pk_notification primary key (id),
    constraint fk_notification_board_member foreign key (board_member_id) references board_member (id),
    constraint uq_notification_member_event unique (board_member_id, kind, proposal_id),
    constraint ck_notification_kind check (kind in ('vote-waiting', 'deadline-approaching', 'decided'))
);

create index ix_notification_unread on notification (board_member_id, created_at) where read_at is null;

-- The address a board member chose for notification e-mail: personal data, so it is stored only when the member
-- gives it, AES-GCM encrypted under a key derived from the identity vault's master key, and deleted on request.
create table notification_address (
    board_member_id    uuid        not null,
    address_ciphertext bytea       not null,
    master_key_id      text        not null,
    language           text        not null,
    updated_at         timestamptz not null default now(),
    constraint pk_notification_address primary key (board_member_id),
    constraint fk_notification_address_board_member foreign key (board_member_id) references board_member (id),
    constraint ck_notification_address_language check (language in ('de', 'en'))
);

-- Transactional outbox of notification e-mail, written in the transaction of the governance event. The recipient's
-- address is looked up when the mail is sent, so the outbox never contains it, and a deleted address stops delivery.
create table mail_outbox (
    id              uuid        not null,
    notification_id uuid        not null,
    board_member_id uuid        not null,
    status          text        not null default 'pending',
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    constraint pk_mail_outbox primary key (id),
    constraint fk_mail_outbox_notification foreign key (notification_id) references notification (id),
    constraint fk_mail_outbox_board_member foreign key (board_member_id) references board_member (id),
    constraint ck_mail_outbox_status check (status in ('pending', 'sent', 'failed', 'no-address')),
    constraint ck_mail_outbox_attempts check (attempts >= 0)
);

create index ix_mail_outbox_due on mail_outbox (next_attempt_at) where status = 'pending';
