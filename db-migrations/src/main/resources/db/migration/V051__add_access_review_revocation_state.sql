-- A withdrawal in an access review revokes the identity directly: its certificates at the CA, and the CRL into the
-- organisation's MSP definition on every channel. The decision commits first with revocation_state 'pending'. The
-- revocation runs after the commit and sets 'done', or 'failed' with the error, which an administrator can retry.
-- Withdrawals no longer file an erasure request, so request_id and request_reference stay only on older rows.
alter table access_review_item
    add column revocation_state      text,
    add column revocation_error      text,
    add column revocation_updated_at timestamptz;

-- Withdrawals from before this change filed an erasure request that a DPO may not have executed. The retry job
-- revokes them now. Where the request ran already, it finds nothing left to revoke at the CA.
update access_review_item
set revocation_state = 'pending', revocation_updated_at = now()
where decision = 'withdrawn';

alter table access_review_item
    drop constraint ck_access_review_item_withdrawn,
    add constraint ck_access_review_item_withdrawn check (decision <> 'withdrawn' or (reason is not null
        and revocation_state is not null)),
    add constraint ck_access_review_item_revocation_state check (revocation_state in ('pending', 'done', 'failed')),
    add constraint ck_access_review_item_revocation_decision check (revocation_state is null
        or decision = 'withdrawn'),
    add constraint ck_access_review_item_revocation_error check ((revocation_state = 'failed')
        = (revocation_error is not null));

-- The retry job looks up pending revocations.
create index ix_access_review_item_revocation_pending on access_review_item (revocation_updated_at)
    where revocation_state = 'pending';
