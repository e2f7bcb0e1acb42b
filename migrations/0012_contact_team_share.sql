-- Teams (issue 22): a contact's own choice about being shared with the
-- member's team, over the team.share rule: 1 shared (contact edit --share),
-- 0 never shared (--no-share), NULL the rule decides.

ALTER TABLE contacts ADD COLUMN team_share INTEGER CHECK (team_share IN (0, 1));
