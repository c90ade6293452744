-- The record only moves forward, with its history: who recorded each fact, when and through what
-- (import, link, record, desk), undone facts kept beside their undoing; extensions with their approval
-- (a report as of a day before the approval keeps the old due date); returns as a request and a
-- decision; 分办 and 合办 as leads, the 承办方式 as written and the outside units; each change of a
-- descriptive column; the figures of each year report as sent.

ALTER TABLE items
    ADD COLUMN role_text text COLLATE "C" NULL,
    ADD COLUMN lead_unit text COLLATE "C" NULL,
    ADD COLUMN co_units text COLLATE "C" NULL,
    ADD COLUMN extension_approved_on date NULL,
    ADD COLUMN extension_approved_by text COLLATE "C" NULL,
    -- The due date in force before the latest extension was approved: a report as of an earlier day uses it.
    ADD COLUMN due_before_extension date NULL,
    ADD COLUMN return_decision text COLLATE "C" NULL,
    ADD COLUMN return_decided_on date NULL,
    ADD COLUMN return_decided_by text COLLATE "C" NULL,
    -- The second reply's class apart: the first reply's class is what the first round is counted by.
    ADD COLUMN second_reply_class text COLLATE "C" NULL;

-- A return stored before requests and decisions existed was approved, on the day it was recorded as asked.
UPDATE items SET return_decision = 'approved', return_decided_on = returned_on WHERE is_returned = 1;
-- An extension stored before approvals were recorded was approved before the original due date.
UPDATE items SET due_before_extension = due_on WHERE extended_to IS NOT NULL;

ALTER TABLE facts
    ADD COLUMN approved_on date NULL,
    ADD COLUMN approved_by text COLLATE "C" NULL,
    ADD COLUMN decision text COLLATE "C" NULL,
    ADD COLUMN undone_at timestamptz NULL,
    ADD COLUMN undone_by text COLLATE "C" NULL,
    ADD COLUMN undo_reason text COLLATE "C" NULL,
    ADD COLUMN override_reason text COLLATE "C" NULL;
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
SELECT i.id, 'co-input', left(p.piece, length(p.piece) - 11), right(p.piece, 10)::date, i.updated_at, 'import', 'import'
FROM items i CROSS JOIN LATERAL unnest(string_to_array(i.co_inputs, '、')) AS p (piece)
WHERE i.co_inputs <> '' AND p.piece <> ''
  AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.item_id = i.id AND f.kind = 'co-input' AND f.division = left(p.piece, length(p.piece) - 11));

-- Each change of a descriptive column (title, lead division, co-divisions...), with who made it and how.
CREATE TABLE item_changes (
    id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    item_id      bigint NOT NULL REFERENCES items (id),
    field        text COLLATE "C" NOT NULL,
    old_value    text COLLATE "C" NULL,
    new_value    text COLLATE "C" NULL,
    recorded_at  timestamptz NOT NULL,
    recorded_by  text COLLATE "C" NOT NULL,
    via          text COLLATE "C" NOT NULL
);
CREATE INDEX ix_item_changes_item ON item_changes (item_id, id);

-- A year report as it was sent: its as-of day, its figures and the settings it was computed with, and
-- how it classed each item, so that a later report can name what moved and why.
ALTER TABLE report_runs
    ADD COLUMN as_of date NULL,
    ADD COLUMN figures text COLLATE "C" NULL,
    ADD COLUMN settings text COLLATE "C" NULL;
CREATE TABLE sent_report_items (
    period          text COLLATE "C" NOT NULL,
    item_id         bigint NOT NULL REFERENCES items (id),
    classification  text COLLATE "C" NOT NULL,
    PRIMARY KEY (period, item_id)
);
