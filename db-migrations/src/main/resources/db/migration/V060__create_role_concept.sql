-- The cross-authority role and rights concept. Every change to it produces a new version; the rows of a version are
-- immutable once it is applied. The current concept is the newest applied version, and a draft version can be edited.
create table authority_type (
    code       text        not null,
    created_at timestamptz not null default now(),
    constraint pk_authority_type primary key (code),
    constraint ck_authority_type_code check (code ~ '^[a-z][a-z0-9-]*$')
);

insert into authority_type (code) values ('unclassified'), ('federal'), ('state'), ('municipal'), ('police'),
    ('foreigners-office'), ('network-operator');

-- Authorities come from configuration at startup; a new one stays unclassified until configuration or the
-- concept's catalogue gives it a type.
alter table authority add column authority_type text not null default 'unclassified';
alter table authority add constraint fk_authority_authority_type
    foreign key (authority_type) references authority_type (code);

create table concept_version (
    id                 uuid        not null,
    number             integer     not null,
    status             text        not null,
    based_on           uuid,
    decision_reference text,
    created_by         text        not null,
    created_at         timestamptz not null default now(),
    applied_at         timestamptz,
    constraint pk_concept_version primary key (id),
    constraint uq_concept_version_number unique (number),
    constraint fk_concept_version_based_on foreign key (based_on) references concept_version (id),
    constraint ck_concept_version_status check (status in ('draft', 'applied', 'discarded'))
);

-- At most one draft at a time, so that two editors never fork the concept.
create unique index uq_concept_version_single_draft on concept_version (status) where status = 'draft';

create table concept_sub_process (
    version_id uuid    not null,
    code       text    not null,
    name       text    not null,
    position   integer not null,
    constraint pk_concept_sub_process primary key (version_id, code),
    constraint fk_concept_sub_process_version foreign key (version_id) references concept_version (id),
    constraint ck_concept_sub_process_code check (code ~ '^[a-z][a-z0-9-]*$')
);

create table concept_status_type (
    version_id       uuid    not null,
    code             text    not null,
    sub_process_code text    not null,
    name             text    not null,
    position         integer not null,
    constraint pk_concept_status_type primary key (version_id, code),
    constraint fk_concept_status_type_sub_process foreign key (version_id, sub_process_code)
        references concept_sub_process (version_id, code),
    constraint ck_concept_status_type_code check (code ~ '^[a-z][a-z0-9-]*$')
);

-- A role applies to every authority of one type, or to exactly one authority.
create table concept_role (
    version_id     uuid not null,
    code           text not null,
    name           text not null,
    authority_type text,
    authority_code text,
    origin         text not null default 'portal',
    constraint pk_concept_role primary key (version_id, code),
    constraint fk_concept_role_version foreign key (version_id) references concept_version (id),
    constraint fk_concept_role_authority_type foreign key (authority_type) references authority_type (code),
    constraint fk_concept_role_authority foreign key (authority_code) references authority (code),
    constraint ck_concept_role_code check (code ~ '^[a-z][a-z0-9-]*$'),
    constraint ck_concept_role_scope check ((authority_type is null) <> (authority_code is null))
);

create table concept_role_composite (
    version_id     uuid not null,
    role_code      text not null,
    component_code text not null,
    constraint pk_concept_role_composite primary key (version_id, role_code, component_code),
    constraint fk_concept_role_composite_role foreign key (version_id, role_code)
        references concept_role (version_id, code),
    constraint fk_concept_role_composite_component foreign key (version_id, component_code)
        references concept_role (version_id, code),
    constraint ck_concept_role_composite_not_self check (role_code <> component_code)
);

create table concept_right (
    version_id       uuid not null,
    role_code        text not null,
    status_type_code text not null,
    action           text not null,
    constraint pk_concept_right primary key (version_id, role_code, status_type_code, action),
    constraint fk_concept_right_role foreign key (version_id, role_code) references concept_role (version_id, code),
    constraint fk_concept_right_status_type foreign key (version_id, status_type_code)
        references concept_status_type (version_id, code),
    constraint ck_concept_right_action check (action in ('read', 'write'))
);

create index ix_concept_right_status_type on concept_right (version_id, status_type_code);

-- Separation of duties: one identity may not hold both roles at the same time. A rule limited to a sub-process
-- applies only where both roles carry rights in that sub-process.
create table concept_sod_rule (
    version_id       uuid not null,
    first_role_code  text not null,
    second_role_code text not null,
    sub_process_code text,
    reason           text not null,
    constraint pk_concept_sod_rule primary key (version_id, first_role_code, second_role_code),
    constraint fk_concept_sod_rule_first foreign key (version_id, first_role_code)
        references concept_role (version_id, code),
    constraint fk_concept_sod_rule_second foreign key (version_id, second_role_code)
        references concept_role (version_id, code),
    constraint ck_concept_sod_rule_order check (first_role_code < second_role_code)
);

-- Which ledger identity (by its pseudonymous enrollment ID) holds which role for which authority, and when.
-- Role codes stay stable across concept versions, so assignments refer to the code, not to a version.
create table role_assignment (
    id             uuid        not null,
    holder         text        not null,
    authority_id   uuid        not null,
    role_code      text        not null,
    valid_from     date        not null,
    valid_until    date,
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    constraint pk_role_assignment primary key (id),
    constraint fk_role_assignment_authority foreign key (authority_id) references authority (id),
    constraint ck_role_assignment_period check (valid_until is null or valid_until >= valid_from)
);

create index ix_role_assignment_holder on role_assignment (holder);
