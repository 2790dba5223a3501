-- Differences between the applied concept version and the live channel config, as drift detection finds them.
-- A finding is one element (policy path or 'acl:<resource>') with the compiled and the live value. It stays open
-- while detection keeps seeing it and is resolved when a run no longer does; a changed live value is a new finding.
create table concept_drift (
    id            uuid        not null,
    version_id    uuid        not null,
    element_path  text        not null,
    expected      text        not null,
    found         text,
    first_seen_at timestamptz not null default now(),
    last_seen_at  timestamptz not null default now(),
    resolved_at   timestamptz,
    constraint pk_concept_drift primary key (id),
    constraint fk_concept_drift_version foreign key (version_id) references concept_version (id),
    constraint ck_concept_drift_seen check (last_seen_at >= first_seen_at)
);

create unique index uq_concept_drift_open_finding
    on concept_drift (version_id, element_path, expected, coalesce(found, ''))
    where resolved_at is null;

create index ix_concept_drift_open on concept_drift (resolved_at) where resolved_at is null;
