-- The pilot's catalogue as the first draft of the concept: three sub-processes and their status types. It has no
-- roles yet and is not applied, because nothing of it has been decided or written to the ledger.
insert into concept_version (id, number, status, created_by)
values ('00000000-0000-0000-0000-00000000c001', 1, 'draft', 'system');

insert into concept_sub_process (version_id, code, name, position) values
    ('00000000-0000-0000-0000-00000000c001', 'registration', 'Registrierung, Aktenanlage, Anhörung', 1),
    ('00000000-0000-0000-0000-00000000c001', 'allocation', 'Zuweisung', 2),
    ('00000000-0000-0000-0000-00000000c001', 'decision', 'Entscheidung und Vollzug', 3);

insert into concept_status_type (version_id, code, sub_process_code, name, position) values
    ('00000000-0000-0000-0000-00000000c001', 'registered', 'registration', 'Registriert', 1),
    ('00000000-0000-0000-0000-00000000c001', 'file-created', 'registration', 'Akte angelegt', 2),
    ('00000000-0000-0000-0000-00000000c001', 'hearing-scheduled', 'registration', 'Anhörung terminiert', 3),
    ('00000000-0000-0000-0000-00000000c001', 'hearing-held', 'registration', 'Anhörung durchgeführt', 4),
    ('00000000-0000-0000-0000-00000000c001', 'allocated', 'allocation', 'Zugewiesen', 5),
    ('00000000-0000-0000-0000-00000000c001', 'decision-issued', 'decision', 'Bescheid erlassen', 6),
    ('00000000-0000-0000-0000-00000000c001', 'appeal-filed', 'decision', 'Klage erhoben', 7),
    ('00000000-0000-0000-0000-00000000c001', 'return-initiated', 'decision', 'Rückführung eingeleitet', 8);
