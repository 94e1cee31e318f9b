-- Issue 11 (workspace administration): the workspace's icon, an emoji or up to two letters shown in the
-- workspace switcher; NULL shows the first letter of the name. An uploaded image icon can come with uploads.
ALTER TABLE workspaces ADD COLUMN icon TEXT;
