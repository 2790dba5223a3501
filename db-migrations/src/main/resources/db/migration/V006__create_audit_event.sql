-- Append-only audit trail. Actors are pseudonyms or system names, never names, e-mail addresses or OIDC subjects.
create table audit_event (
    id             bigserial   not null,
    occurred_at    timestamptz not null default now(),
    actor          text        not null,
    authority_code text,
    action         text        not null,
    subject_type   text        not null,
    subject_id     text        not null,
    details        text        not null default '',
    constraint pk_audit_event primary key (id)
);

create index ix_audit_event_subject on audit_event (subject_type, subject_id);

-- The trigger rejects every update and delete of a row, from any client. TRUNCATE is not covered.
create function audit_event_reject_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % rejected', tg_op;
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_reject_change();
