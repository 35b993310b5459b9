//! The schema, as versioned migrations. Never edit a released migration: add a new one.

use rusqlite_migration::{M, Migrations};

/// Migration 1: roster, meetings, items, attendance, ballots (with history), notes, actions, backlog,
/// and the append-only, hash-chained event table.
const V1: &str = r#"
CREATE TABLE estate (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE owners (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    phone TEXT
);
CREATE TABLE flats (
    id INTEGER PRIMARY KEY,
    building TEXT NOT NULL,
    unit TEXT NOT NULL,
    room TEXT NOT NULL,
    area_centi INTEGER NOT NULL CHECK (area_centi > 0),
    owner_id INTEGER NOT NULL REFERENCES owners(id),
    -- 0 once a later roster no longer lists the flat; kept because past ballots name it.
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (building, unit, room)
);
CREATE INDEX flats_owner ON flats(owner_id);
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('owners', 'residents')),
    starts TEXT NOT NULL,
    utc_offset INTEGER NOT NULL,
    place TEXT NOT NULL,
    host TEXT NOT NULL,
    secretary TEXT NOT NULL,
    objections_to TEXT,
    objections_until TEXT,
    others TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE concerns (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    raised_by TEXT NOT NULL,
    raised_from TEXT,
    raised_at TEXT NOT NULL,
    item_id INTEGER REFERENCES items(id)
);
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    raised_by TEXT NOT NULL,
    raised_from TEXT,
    raised_on TEXT,
    statement TEXT NOT NULL,
    category TEXT,
    proposal TEXT,
    rule TEXT NOT NULL,
    scope TEXT NOT NULL,
    consents TEXT NOT NULL,
    step TEXT NOT NULL,
    vote TEXT NOT NULL DEFAULT 'open' CHECK (vote IN ('open', 'closed')),
    result TEXT,
    closed_at TEXT,
    resolution TEXT,
    UNIQUE (meeting_id, number)
);
CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    owner_id INTEGER NOT NULL REFERENCES owners(id),
    status TEXT NOT NULL CHECK (status IN ('present', 'proxy', 'left')),
    proxy_name TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, owner_id)
);
CREATE TABLE ballots (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id),
    owner_id INTEGER NOT NULL REFERENCES owners(id),
    flat_id INTEGER NOT NULL REFERENCES flats(id),
    -- NULL: the ballot was withdrawn (undo); the row stays as history.
    choice TEXT CHECK (choice IN ('yes', 'no', 'abstain')),
    method TEXT NOT NULL CHECK (method IN ('in-person', 'proxy', 'written')),
    proxy_name TEXT,
    reason TEXT,
    at TEXT NOT NULL,
    current INTEGER NOT NULL CHECK (current IN (0, 1))
);
CREATE UNIQUE INDEX ballots_current ON ballots(item_id, owner_id) WHERE current = 1;
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id),
    speaker TEXT NOT NULL,
    point TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    item_id INTEGER REFERENCES items(id),
    meeting_id INTEGER REFERENCES meetings(id),
    what TEXT NOT NULL,
    responsible TEXT NOT NULL,
    due TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'closed')),
    created_at TEXT NOT NULL,
    closed_at TEXT,
    confirmation TEXT
);
CREATE TABLE action_progress (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id),
    meeting_id INTEGER REFERENCES meetings(id),
    note TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    meeting_id INTEGER,
    item_id INTEGER,
    owner_id INTEGER,
    data TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX events_meeting ON events(meeting_id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
"#;

/// Migration 2: an item's ballot history is read in order (`ballot_history`, `verify`) without a scan.
const V2: &str = "CREATE INDEX ballots_item ON ballots(item_id, id);";

/// Migration 3: cost plans of items (every version kept: a change marks the old one not current), and
/// the one row through which the host's screens tell the room's display what to show (not part of
/// the record: no events, not checked by `verify`).
const V3: &str = r#"
CREATE TABLE cost_plans (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id),
    plan TEXT NOT NULL,
    reason TEXT,
    at TEXT NOT NULL,
    current INTEGER NOT NULL CHECK (current IN (0, 1))
);
CREATE UNIQUE INDEX cost_plans_current ON cost_plans(item_id) WHERE current = 1;
CREATE TABLE display (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    meeting_id INTEGER,
    item_number INTEGER,
    mode TEXT NOT NULL DEFAULT 'follow',
    shown_item INTEGER,
    timer_ends TEXT,
    at TEXT NOT NULL
);
"#;

/// Migration 4: the roster keeps its history (each flat's area, owner and owner's name from the
/// import that set them, so a closed vote is always counted and shown with the roster as it stood),
/// and the file says it is ours (`application_id`). What the roster held before history was kept
/// is attributed to the last import (0 when there was none).
const V4: &str = r#"
CREATE TABLE flat_history (
    flat_id INTEGER NOT NULL REFERENCES flats(id),
    since INTEGER NOT NULL,
    area_centi INTEGER NOT NULL CHECK (area_centi > 0),
    owner_id INTEGER NOT NULL REFERENCES owners(id),
    owner_name TEXT NOT NULL,
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    PRIMARY KEY (flat_id, since)
);
INSERT INTO flat_history (flat_id, since, area_centi, owner_id, owner_name, active)
    SELECT f.id, COALESCE((SELECT MAX(id) FROM events WHERE kind = 'roster.import'), 0),
           f.area_centi, f.owner_id, o.name, f.active
    FROM flats f JOIN owners o ON o.id = f.owner_id;
PRAGMA application_id = 1346459217;
"#;

/// Migration 5: the paper around a meeting — how its public notice closes (issuer, posting day,
/// notice period, host and secretary named or masked), one row per meeting changed in place with
/// every version in the events; and those who sat in (列席), a withdrawn entry kept as history.
const V5: &str = r#"
CREATE TABLE notice_settings (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
    issuer TEXT,
    posted_on TEXT,
    notice_days INTEGER CHECK (notice_days IS NULL OR notice_days BETWEEN 1 AND 365),
    show_officers INTEGER NOT NULL DEFAULT 0 CHECK (show_officers IN (0, 1)),
    at TEXT NOT NULL
);
CREATE TABLE guests (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    at TEXT NOT NULL,
    removed_at TEXT
);
CREATE INDEX guests_meeting ON guests(meeting_id, id);
"#;

/// Migration 6: floors the roster's floor column gives (flats whose room number does not tell the
/// floor, or tells it wrongly), for sharing a cost by floor. Replaced as a whole by a roster import.
const V6: &str = r#"
CREATE TABLE flat_floors (
    flat_id INTEGER PRIMARY KEY REFERENCES flats(id),
    floor INTEGER NOT NULL CHECK (floor > 0)
);
"#;

/// Migration 7: the floors the roster gave as they stood after each import that changed them (one
/// set per `roster.floors` event, the event's id as `since`), so a closed vote's cost is shared with
/// the floors of the moment it closed. The sets already recorded are filled in from their events.
const V7: &str = r#"
CREATE TABLE floor_sets (
    since INTEGER PRIMARY KEY
);
CREATE TABLE floor_history (
    since INTEGER NOT NULL REFERENCES floor_sets(since),
    flat_id INTEGER NOT NULL REFERENCES flats(id),
    floor INTEGER NOT NULL CHECK (floor > 0),
    PRIMARY KEY (since, flat_id)
);
INSERT INTO floor_sets (since) SELECT id FROM events WHERE kind = 'roster.floors';
INSERT INTO floor_history (since, flat_id, floor)
    SELECT e.id, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]')
    FROM events e, json_each(e.data, '$.floors') j WHERE e.kind = 'roster.floors';
"#;

/// Migration 8: the meeting's own number in the estate's series (第 N 次会议), as the host gives it;
/// empty in meetings from before, whose documents count them by date instead.
const V8: &str =
    "ALTER TABLE meetings ADD COLUMN number INTEGER CHECK (number IS NULL OR number > 0);";

/// Migration 9: the live count of an open vote reads only indexes. Each current ballot's choice is
/// in its index entry (no lookup of the ballot row per owner), and each active flat's owner, area,
/// building and unit in owner order (every scope but a list of flats; owners come grouped). Only
/// the live count reads them: a closing counts from the tables themselves (an index could be
/// redefined under it).
const V9: &str = r#"
CREATE INDEX ballots_live ON ballots(item_id, owner_id, choice) WHERE current = 1;
CREATE INDEX flats_live ON flats(owner_id, area_centi, building, unit) WHERE active = 1;
"#;

/// Migration 10: a meeting's events of one kind found without reading every event of the meeting
/// (its speaking turns, a vote's close, the last roster import): at 80,000 ballots a meeting's
/// screens opened through a walk of all of them.
const V10: &str = "CREATE INDEX events_kind ON events(meeting_id, kind, item_id);";

/// `PRAGMA application_id` of a Pavilion database ("PAVQ"); files from before version 4 have 0.
pub const APPLICATION_ID: i64 = 1346459217;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1),
        M::up(V2),
        M::up(V3),
        M::up(V4),
        M::up(V5),
        M::up(V6),
        M::up(V7),
        M::up(V8),
        M::up(V9),
        M::up(V10),
    ])
}

/// The schema version this build writes.
pub const VERSION: i64 = 10;
