-- The record only moves forward, with its history: who recorded each fact, when and through what
-- (import, link, record, desk), undone facts kept beside their undoing; extensions with their approval
-- (a report as of a day before the approval keeps the old due date); returns as a request and a
-- decision; 分办 and 合办 as leads, the 承办方式 as written and the outside units; each change of a
-- descriptive column; the figures of each year report as sent.

ALTER TABLE items ADD COLUMN role_text TEXT NULL;
ALTER TABLE items ADD COLUMN lead_unit TEXT NULL;
ALTER TABLE items ADD COLUMN co_units TEXT NULL;
ALTER TABLE items ADD COLUMN extension_approved_on TEXT NULL;
ALTER TABLE items ADD COLUMN extension_approved_by TEXT NULL;
-- The due date in force before the latest extension was approved: a report as of an earlier day uses it.
ALTER TABLE items ADD COLUMN due_before_extension TEXT NULL;
ALTER TABLE items ADD COLUMN return_decision TEXT NULL;
ALTER TABLE items ADD COLUMN return_decided_on TEXT NULL;
ALTER TABLE items ADD COLUMN return_decided_by TEXT NULL;
-- The second reply's class apart: the first reply's class is what the first round is counted by.
ALTER TABLE items ADD COLUMN second_reply_class TEXT NULL;

-- A return stored before requests and decisions existed was approved, on the day it was recorded as asked.
UPDATE items SET return_decision = 'approved', return_decided_on = returned_on WHERE is_returned = 1;
-- An extension stored before approvals were recorded was approved before the original due date.
UPDATE items SET due_before_extension = due_on WHERE extended_to IS NOT NULL;

ALTER TABLE facts ADD COLUMN approved_on TEXT NULL;
ALTER TABLE facts ADD COLUMN approved_by TEXT NULL;
ALTER TABLE facts ADD COLUMN decision TEXT NULL;
ALTER TABLE facts ADD COLUMN undone_at TEXT NULL;
ALTER TABLE facts ADD COLUMN undone_by TEXT NULL;
ALTER TABLE facts ADD COLUMN undo_reason TEXT NULL;
ALTER TABLE facts ADD COLUMN override_reason TEXT NULL;
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
WITH RECURSIVE split (item_id, rest, piece, recorded_at) AS (
    SELECT id, co_inputs || '、', NULL, updated_at FROM items WHERE co_inputs <> ''
    UNION ALL
    SELECT item_id, substr(rest, instr(rest, '、') + 1), substr(rest, 1, instr(rest, '、') - 1), recorded_at FROM split WHERE rest <> ''
)
INSERT INTO facts (item_id, kind, division, on_date, recorded_at, recorded_by, via)
SELECT item_id, 'co-input', substr(piece, 1, length(piece) - 11), substr(piece, length(piece) - 9), recorded_at, 'import', 'import' FROM split s
WHERE piece IS NOT NULL AND piece <> ''
  AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.item_id = s.item_id AND f.kind = 'co-input' AND f.division = substr(s.piece, 1, length(s.piece) - 11));

-- Each change of a descriptive column (title, lead division, co-divisions...), with who made it and how.
CREATE TABLE item_changes (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES items (id),
    field        TEXT NOT NULL,
    old_value    TEXT NULL,
    new_value    TEXT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    via          TEXT NOT NULL
);
CREATE INDEX ix_item_changes_item ON item_changes (item_id, id);

-- A year report as it was sent: its as-of day, its figures and the settings it was computed with, and
-- how it classed each item, so that a later report can name what moved and why.
ALTER TABLE report_runs ADD COLUMN as_of TEXT NULL;
ALTER TABLE report_runs ADD COLUMN figures TEXT NULL;
ALTER TABLE report_runs ADD COLUMN settings TEXT NULL;
CREATE TABLE sent_report_items (
    period          TEXT NOT NULL,
    item_id         INTEGER NOT NULL REFERENCES items (id),
    classification  TEXT NOT NULL,
    PRIMARY KEY (period, item_id)
);
