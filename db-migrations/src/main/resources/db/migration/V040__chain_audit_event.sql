-- Hash chain over the audit trail. Row n stores its gap-free sequence number n, the hash of row n - 1 (64 zeros for
-- row 1) and its own hash:
--   sha256('klammer-audit-v1' || int8(sequence) || int8(occurred_at in microseconds since 1970-01-01 UTC)
--          || field(actor) || field(authority_code) || field(action) || field(subject_type) || field(subject_id)
--          || field(details) || previous hash as 32 raw bytes)
-- where int8 is 8 bytes big-endian and field(v) is the 4-byte big-endian length of v's UTF-8 bytes followed by
-- those bytes, or the 4 bytes ff ff ff ff for null. The length prefixes make the encoding unambiguous. The portal
-- computes the same hash in Java (AuditChainHash); audit_event_hash below is the SQL twin used to chain the rows
-- that existed before this migration.
alter table audit_event
    add column sequence      bigint,
    add column previous_hash text,
    add column row_hash      text;

-- Sequence number and hash of the chain's last row. Appending locks this single row (select ... for update), so
-- appends from several portal instances and transactions queue up, and a rolled-back append leaves no gap.
create table audit_chain_head (
    id            smallint not null,
    last_sequence bigint   not null,
    last_hash     text     not null,
    constraint pk_audit_chain_head primary key (id),
    constraint ck_audit_chain_head_single_row check (id = 1),
    constraint ck_audit_chain_head_sequence check (last_sequence >= 0),
    constraint ck_audit_chain_head_hash check (last_hash ~ '^[0-9a-f]{64}$')
);

create function audit_event_field(value text) returns bytea
    language sql immutable as
$$
select case
           when value is null then int4send(-1)
           else int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8')
       end;
$$;

create function audit_event_hash(sequence bigint, occurred_at timestamptz, actor text, authority_code text,
                                 action text, subject_type text, subject_id text, details text,
                                 previous_hash text) returns text
    language sql immutable as
$$
select encode(sha256(convert_to('klammer-audit-v1', 'UTF8')
                         || int8send(sequence)
                         || int8send((extract(epoch from occurred_at) * 1000000)::bigint)
                         || audit_event_field(actor)
                         || audit_event_field(authority_code)
                         || audit_event_field(action)
                         || audit_event_field(subject_type)
                         || audit_event_field(subject_id)
                         || audit_event_field(details)
                         || decode(previous_hash, 'hex')), 'hex');
$$;

-- Rows written before this migration join the chain in id order, so the first of them is row 1. Filling in the new
-- columns needs the append-only trigger off for the length of this migration's transaction.
alter table audit_event disable trigger audit_event_append_only;

do
$$
    declare
        event_row     record;
        event_number  bigint := 0;
        chain_tip     text   := repeat('0', 64);
        event_hash    text;
    begin
        for event_row in select * from audit_event order by id
            loop
                event_number := event_number + 1;
                event_hash := audit_event_hash(event_number, event_row.occurred_at, event_row.actor,
                                               event_row.authority_code, event_row.action, event_row.subject_type,
                                               event_row.subject_id, event_row.details, chain_tip);
                update audit_event
                set sequence      = event_number,
                    previous_hash = chain_tip,
                    row_hash      = event_hash
                where id = event_row.id;
                chain_tip := event_hash;
            end loop;
        insert into audit_chain_head (id, last_sequence, last_hash) values (1, event_number, chain_tip);
    end;
$$;

alter table audit_event enable trigger audit_event_append_only;

alter table audit_event
    alter column sequence set not null,
    alter column previous_hash set not null,
    alter column row_hash set not null,
    add constraint uq_audit_event_sequence unique (sequence),
    add constraint ck_audit_event_sequence check (sequence >= 1),
    add constraint ck_audit_event_previous_hash check (previous_hash ~ '^[0-9a-f]{64}$'),
    add constraint ck_audit_event_row_hash check (row_hash ~ '^[0-9a-f]{64}$');

-- TRUNCATE skips row triggers, so a statement trigger rejects it as well.
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_reject_change();

-- The head moves forward by one row at a time, and it is never deleted.
create function audit_chain_head_reject_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' and new.id = old.id and new.last_sequence = old.last_sequence + 1 then
        return new;
    end if;
    raise exception 'audit_chain_head only moves forward by one row: % rejected', tg_op;
end;
$$;

create trigger audit_chain_head_forward_only
    before update or delete on audit_chain_head
    for each row execute function audit_chain_head_reject_change();
