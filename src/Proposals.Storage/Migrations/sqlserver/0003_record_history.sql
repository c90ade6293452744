-- The record only moves forward, with its history: who recorded each fact, when and through what
-- (import, link, record, desk), undone facts kept beside their undoing; extensions with their approval
-- (a report as of a day before the approval keeps the old due date); returns as a request and a
-- decision; 分办 and 合办 as leads, the 承办方式 as written and the outside units; each change of a
-- descriptive column; the figures of each year report as sent.

ALTER TABLE items ADD
    role_text nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
    lead_unit nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    co_units nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    extension_approved_on date NULL,
    extension_approved_by nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
    -- The due date in force before the latest extension was approved: a report as of an earlier day uses it.
    due_before_extension date NULL,
    return_decision nvarchar(16) COLLATE Latin1_General_100_BIN2 NULL,
    return_decided_on date NULL,
    return_decided_by nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
    -- The second reply's class apart: the first reply's class is what the first round is counted by.
    second_reply_class nvarchar(8) COLLATE Latin1_General_100_BIN2 NULL;
GO

-- A return stored before requests and decisions existed was approved, on the day it was recorded as asked.
UPDATE items SET return_decision = 'approved', return_decided_on = returned_on WHERE is_returned = 1;
-- An extension stored before approvals were recorded was approved before the original due date.
UPDATE items SET due_before_extension = due_on WHERE extended_to IS NOT NULL;

ALTER TABLE facts ADD
    approved_on date NULL,
    approved_by nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
    decision nvarchar(16) COLLATE Latin1_General_100_BIN2 NULL,
    undone_at datetimeoffset(3) NULL,
    undone_by nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
    undo_reason nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    override_reason nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL;
GO
UPDATE facts SET via = 'record' WHERE via = 'command';

-- What an import wrote before facts were kept for it: one fact a column, recorded at the item's last update.
INSERT INTO facts (item_id, kind, division, on_date, recorded_at, recorded_by, via)
SELECT id, 'ack', NULL, acknowledged_on, updated_at, 'import', 'import' FROM items i
WHERE acknowledged_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.item_id = i.id AND f.kind = 'ack' AND (f.division IS NULL OR f.division = i.lead_division));
INSERT INTO facts (item_id, kind, on_date, reply_class, recorded_at, recorded_by, via)
SELECT id, 'reply', replied_on, reply_class, updated_at, 'import', 'import' FROM items i
WHERE replied_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.item_id = i.id AND f.kind = 'reply' AND f.on_date = i.replied_on);
INSERT INTO facts (item_id, kind, on_date, satisfaction, recorded_at, recorded_by, via)
SELECT id, 'evaluation', COALESCE(evaluated_on, replied_on), satisfaction, updated_at, 'import', 'import' FROM items i
WHERE satisfaction IS NOT NULL AND replied_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.item_id = i.id AND f.kind = 'evaluation');
INSERT INTO facts (item_id, kind, on_date, recorded_at, recorded_by, via)
SELECT id, 'reply', rereplied_on, updated_at, 'import', 'import' FROM items i
WHERE rereplied_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.item_id = i.id AND f.kind = 'reply' AND f.on_date = i.rereplied_on);
INSERT INTO facts (item_id, kind, on_date, satisfaction, recorded_at, recorded_by, via)
SELECT id, 'evaluation', rereplied_on, second_satisfaction, updated_at, 'import', 'import' FROM items i
WHERE second_satisfaction IS NOT NULL AND rereplied_on IS NOT NULL
  AND (SELECT COUNT(*) FROM facts f WHERE f.item_id = i.id AND f.kind = 'evaluation') < 2;
INSERT INTO facts (item_id, kind, on_date, recorded_at, recorded_by, via)
SELECT id, 'publication', published_on, updated_at, 'import', 'import' FROM items i
WHERE published_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.item_id = i.id AND f.kind = 'publication');
INSERT INTO facts (item_id, kind, on_date, to_date, reason, recorded_at, recorded_by, via)
SELECT id, 'extension', due_on, extended_to, extension_reason, updated_at, 'import', 'import' FROM items i
WHERE extended_to IS NOT NULL AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.item_id = i.id AND f.kind = 'extension');
INSERT INTO facts (item_id, kind, on_date, reason, recorded_at, recorded_by, via)
SELECT id, 'return', COALESCE(returned_on, assigned_on), return_reason, updated_at, 'import', 'import' FROM items i
WHERE is_returned = 1 AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.item_id = i.id AND f.kind = 'return');
INSERT INTO facts (item_id, kind, on_date, decision, recorded_at, recorded_by, via)
SELECT id, 'return-decision', COALESCE(returned_on, assigned_on), 'approved', updated_at, 'import', 'import' FROM items i
WHERE is_returned = 1;
INSERT INTO facts (item_id, kind, division, on_date, recorded_at, recorded_by, via)
SELECT i.id, 'co-input', LEFT(p.value, LEN(p.value) - 11), CAST(RIGHT(p.value, 10) AS date), i.updated_at, 'import', 'import'
FROM items i CROSS APPLY STRING_SPLIT(i.co_inputs, N'、') AS p
WHERE i.co_inputs <> N'' AND p.value <> N''
  AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.item_id = i.id AND f.kind = 'co-input' AND f.division = LEFT(p.value, LEN(p.value) - 11));

-- Each change of a descriptive column (title, lead division, co-divisions...), with who made it and how.
CREATE TABLE item_changes (
    id           bigint IDENTITY(1, 1) PRIMARY KEY,
    item_id      bigint NOT NULL REFERENCES items (id),
    field        nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    old_value    nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    new_value    nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    recorded_at  datetimeoffset(3) NOT NULL,
    recorded_by  nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    via          nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL
);
CREATE INDEX ix_item_changes_item ON item_changes (item_id, id);

-- A year report as it was sent: its as-of day, its figures and the settings it was computed with, and
-- how it classed each item, so that a later report can name what moved and why.
ALTER TABLE report_runs ADD as_of date NULL, figures nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL, settings nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL;
CREATE TABLE sent_report_items (
    period          nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    item_id         bigint NOT NULL REFERENCES items (id),
    classification  nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    PRIMARY KEY (period, item_id)
);
