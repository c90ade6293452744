-- The coordinator's desk counts a year's items by division, kind and status. An index that holds every
-- column those counts read lets them be answered from the index (an index-only scan once the table has
-- been vacuumed). It leads with assigned_on, so it also serves every lookup the index on that column
-- alone served.
DROP INDEX ix_items_assigned_on;
CREATE INDEX ix_items_year_figures ON items (assigned_on) INCLUDE (lead_division, kind, bureau_role, is_returned,
    returned_on, replied_on, effective_due_on, satisfaction, evaluated_on, rereplied_on, second_satisfaction,
    extended_to, acknowledged_on, co_divisions);
