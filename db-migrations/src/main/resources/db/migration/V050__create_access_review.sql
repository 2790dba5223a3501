-- Access reviews: an authority administrator opens a campaign for their authority, and its administrators confirm
-- or withdraw the roles of each ledger identity that was enrolled when the campaign opened. Rows name people only by
-- pseudonym: reviewers by their portal pseudonym, identities by their pseudonymous enrolment ID.
create table access_review_campaign (
    id           uuid        not null,
    reference    text        not null,
    authority_id uuid        not null,
    msp_id       text        not null,
    opened_by    text        not null,
    opened_at    timestamptz not null default now(),
    closed_at    timestamptz,
    status       text        not null,
    version      bigint      not null default 0,
    constraint pk_access_review_campaign primary key (id),
    constraint uq_access_review_campaign_reference unique (reference),
    constraint fk_access_review_campaign_authority foreign key (authority_id) references authority (id),
    constraint ck_access_review_campaign_status check (status in ('open', 'closed')),
    constraint ck_access_review_campaign_closed check ((status = 'closed') = (closed_at is not null))
);

-- At most one open campaign per authority, so that every identity is reviewed once per campaign.
create unique index uq_access_review_campaign_open on access_review_campaign (authority_id) where status = 'open';

-- One identity under review. A withdrawal files an erasure request, whose execution revokes the identity at the CA
-- and puts the CRL on the channels; request_id links the two.
create table access_review_item (
    id                uuid        not null,
    campaign_id       uuid        not null,
    identity_id       uuid        not null,
    enrollment_id     text        not null,
    identity_kind     text        not null,
    roles             text        not null,
    decision          text        not null,
    decided_by        text,
    decided_at        timestamptz,
    reason            text,
    request_id        uuid,
    request_reference text,
    version           bigint      not null default 0,
    constraint pk_access_review_item primary key (id),
    constraint fk_access_review_item_campaign foreign key (campaign_id) references access_review_campaign (id),
    constraint fk_access_review_item_identity foreign key (identity_id) references ledger_identity (id),
    constraint fk_access_review_item_request foreign key (request_id) references data_subject_request (id),
    constraint uq_access_review_item_identity unique (campaign_id, identity_id),
    constraint ck_access_review_item_decision check (decision in ('pending', 'confirmed', 'withdrawn')),
    constraint ck_access_review_item_decided check ((decision = 'pending') = (decided_at is null)),
    constraint ck_access_review_item_withdrawn check (decision <> 'withdrawn' or (reason is not null
        and request_id is not null))
);

create index ix_access_review_item_campaign on access_review_item (campaign_id);
