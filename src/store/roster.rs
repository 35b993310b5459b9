//! Roster import and look-ups: owners and flats.

use std::collections::{HashMap, HashSet};

use rusqlite::{OptionalExtension, params};

use crate::domain::{Area, FlatRef, RosterRow};

use super::as_of;
use super::roster_changes::{self, ImportMode, ImportOutcome};
use super::{Ids, ImportSummary, Result, RosterEntry, Store, StoreError, events};
use crate::i18n::{StoreText as S, said};

/// The roster as the screens list it.
#[derive(Clone, Debug, Default)]
pub struct RosterListing {
    /// (flat, area, owner) in roll-call order.
    pub flats: Vec<(FlatRef, Area, i64)>,
    /// Each of those flats' row id, in the same order (a ballot names its flat by it).
    pub flat_ids: Vec<i64>,
    /// The owners' names.
    pub names: HashMap<i64, String>,
}

impl RosterListing {
    /// The listing of `flats` given as (flat, area, owner, flat id), put in roll-call order.
    pub(super) fn sorted(
        mut flats: Vec<(FlatRef, Area, i64, i64)>,
        names: HashMap<i64, String>,
    ) -> RosterListing {
        crate::domain::flat::sort_by_flat(&mut flats, |f| &f.0);
        let flat_ids = flats.iter().map(|f| f.3).collect();
        RosterListing {
            flats: flats.into_iter().map(|(f, a, o, _)| (f, a, o)).collect(),
            flat_ids,
            names,
        }
    }
}

/// A flat already in the database: (id, area in hundredths of m², owner id, active).
type StoredFlat = (i64, i64, i64, bool);

impl Store {
    /// Imports or updates the roster in one transaction, whatever open votes it touches (see
    /// [`Store::import_roster_with`] for the checked import and the dry run).
    pub fn import_roster(&mut self, rows: &[RosterRow], source: &str) -> Result<ImportSummary> {
        let outcome = self.import_roster_with(rows, source, ImportMode::Import { yes: true })?;
        Ok(outcome.plan.summary)
    }

    /// Imports or updates the roster in one transaction. Existing owners and flats are updated in
    /// place (their ids stay, so past ballots keep pointing at them); flats missing from the new
    /// roster are retired, not deleted; each flat that changed gets a row of history from this
    /// import's event on. A dry run, or an import that needs `yes` and lacks it (it touches an open
    /// vote, or retires more than a tenth of the flats), computes everything and writes nothing.
    pub fn import_roster_with(
        &mut self,
        rows: &[RosterRow],
        source: &str,
        mode: ImportMode,
    ) -> Result<ImportOutcome> {
        let tx = self.begin_write()?;
        if self.estate()?.is_none() {
            return Err(said!(S::NoEstate).into());
        }
        let now = self.now();
        let mut summary = ImportSummary::default();
        let mut owners: HashMap<String, (i64, String, Option<String>)> = HashMap::new();
        {
            let mut stmt = tx.prepare("SELECT key, id, name, phone FROM owners")?;
            let rows =
                stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?;
            for row in rows {
                let (k, v) = row?;
                owners.insert(k, v);
            }
        }
        let mut flats: HashMap<(String, String, String), StoredFlat> = HashMap::new();
        {
            let mut stmt = tx.prepare(
                "SELECT building, unit, room, id, area_centi, owner_id, active FROM flats",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    (r.get(0)?, r.get(1)?, r.get(2)?),
                    (r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?),
                ))
            })?;
            for row in rows {
                let (k, v) = row?;
                flats.insert(k, v);
            }
        }
        // The first row of an owner gives the name; the first non-empty phone is kept.
        let mut wanted: Vec<(&str, &str, Option<&str>)> = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for r in rows {
            match seen.get(r.owner.key.as_str()) {
                Some(&i) => {
                    if wanted[i].2.is_none() {
                        wanted[i].2 = r.owner.phone.as_deref();
                    }
                }
                None => {
                    seen.insert(&r.owner.key, wanted.len());
                    wanted.push((&r.owner.key, &r.owner.name, r.owner.phone.as_deref()));
                }
            }
        }
        let mut owner_ids: HashMap<&str, i64> = HashMap::new();
        {
            let mut insert =
                tx.prepare("INSERT INTO owners (key, name, phone) VALUES (?1, ?2, ?3)")?;
            let mut update = tx.prepare("UPDATE owners SET name = ?2, phone = ?3 WHERE id = ?1")?;
            for (key, name, phone) in &wanted {
                match owners.get(*key) {
                    Some((id, old_name, old_phone)) => {
                        if old_name != name || old_phone.as_deref() != *phone {
                            update.execute(params![id, name, phone])?;
                            summary.owners_updated += 1;
                        }
                        owner_ids.insert(key, *id);
                    }
                    None => {
                        insert.execute(params![key, name, phone])?;
                        owner_ids.insert(key, tx.last_insert_rowid());
                        summary.owners_added += 1;
                    }
                }
            }
        }
        let mut listed: HashSet<i64> = HashSet::new();
        {
            let mut insert = tx.prepare(
                "INSERT INTO flats (building, unit, room, area_centi, owner_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut update = tx.prepare(
                "UPDATE flats SET area_centi = ?2, owner_id = ?3, active = 1 WHERE id = ?1",
            )?;
            for r in rows {
                let owner = owner_ids[r.owner.key.as_str()];
                let key = (
                    r.flat.building.clone(),
                    r.flat.unit.clone(),
                    r.flat.room.clone(),
                );
                match flats.get(&key) {
                    Some(&(id, area, old_owner, active)) => {
                        if area != r.area.0 || old_owner != owner || !active {
                            update.execute(params![id, r.area.0, owner])?;
                            summary.flats_updated += 1;
                        }
                        listed.insert(id);
                    }
                    None => {
                        insert.execute(params![
                            r.flat.building,
                            r.flat.unit,
                            r.flat.room,
                            r.area.0,
                            owner
                        ])?;
                        listed.insert(tx.last_insert_rowid());
                        summary.flats_added += 1;
                    }
                }
            }
        }
        {
            let mut retire = tx.prepare("UPDATE flats SET active = 0 WHERE id = ?1")?;
            for &(id, _, _, active) in flats.values() {
                if active && !listed.contains(&id) {
                    retire.execute([id])?;
                    summary.flats_retired += 1;
                }
            }
        }
        summary.flats = rows.len();
        summary.owners = wanted.len();
        let active_before = flats.values().filter(|f| f.3).count();
        let plan = roster_changes::plan(&tx, summary, active_before)?;
        let write = match mode {
            ImportMode::DryRun => false,
            ImportMode::Import { yes } => yes || plan.confirmations().is_empty(),
        };
        if !write {
            // Dropping the transaction rolls every change back.
            return Ok(ImportOutcome {
                plan,
                written: false,
            });
        }
        let summary = &plan.summary;
        // What the tables hold now, so that `verify` sees an area or owner changed behind its back.
        let digest = super::verify::roster_digest(&tx)?;
        let event = events::append(
            &tx,
            &now,
            "roster.import",
            Ids::default(),
            serde_json::json!({
                "source": source,
                "flats": summary.flats,
                "owners": summary.owners,
                "flats_added": summary.flats_added,
                "flats_updated": summary.flats_updated,
                "flats_retired": summary.flats_retired,
                "owners_added": summary.owners_added,
                "owners_updated": summary.owners_updated,
                "digest": digest,
                "changes": roster_changes::payload(&plan.changes),
            }),
        )?;
        roster_changes::record_history(&tx, event)?;
        super::floors::record(&tx, &now, rows)?;
        tx.commit()?;
        Ok(ImportOutcome {
            plan,
            written: true,
        })
    }

    /// The active roster in building/unit/floor/room order.
    pub fn roster(&self) -> Result<Vec<RosterEntry>> {
        self.roster_as_of(None)
    }

    /// The active roster now as the screens list it: each flat with its area and owner, in
    /// roll-call order, and each owner's name once — no keys or phone numbers, no row per flat
    /// with its owner's texts (at 100,000 flats that is megabytes and many reads fewer).
    pub fn roster_listing(&self) -> Result<RosterListing> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT building, unit, room, area_centi, owner_id, id FROM flats WHERE active = 1",
        )?;
        let flats = stmt
            .query_map([], |r| {
                Ok((
                    FlatRef::new(
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ),
                    Area(r.get(3)?),
                    r.get::<_, i64>(4)?,
                    r.get::<_, i64>(5)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // Every owner (the few without an active flat cost less than finding who has one).
        let mut stmt = self.conn.prepare_cached("SELECT id, name FROM owners")?;
        let names = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(RosterListing::sorted(flats, names))
    }

    /// The roster as it stood just after event `as_of` (None: now), in roll-call order.
    pub fn roster_as_of(&self, as_of: Option<i64>) -> Result<Vec<RosterEntry>> {
        let mut out: Vec<RosterEntry> = as_of::flats(&self.conn, as_of, None)?
            .into_iter()
            .map(RosterEntry::from)
            .collect();
        crate::domain::flat::sort_by_flat(&mut out, |e| &e.flat);
        // Collected by doubling: up to twice the room needed (5 MB at 100,000 flats).
        out.shrink_to_fit();
        Ok(out)
    }

    /// Whether the roster stood the same after events `a` and `b` (None: now), so that what was
    /// read for one serves for the other.
    pub fn roster_unchanged(&self, a: Option<i64>, b: Option<i64>) -> Result<bool> {
        as_of::unchanged(&self.conn, a, b)
    }

    /// The event a meeting's minutes take the roster from (see [`Store::roster_as_of`]): its last
    /// sign-in, ballot or close once none of its votes is open; None (now) while one is.
    pub fn meeting_epoch(&self, meeting: i64) -> Result<Option<i64>> {
        as_of::meeting_epoch(&self.conn, meeting)
    }

    /// The active flats, for validating agenda files.
    pub fn flat_set(&self) -> Result<HashSet<FlatRef>> {
        Ok(self.roster()?.into_iter().map(|e| e.flat).collect())
    }

    /// Finds an active flat and its owner.
    pub fn find_flat(&self, flat: &FlatRef) -> Result<RosterEntry> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.id, f.area_centi, o.id, o.key, o.name, o.phone
             FROM flats f JOIN owners o ON o.id = f.owner_id
             WHERE f.building = ?1 AND f.unit = ?2 AND f.room = ?3 AND f.active = 1",
        )?;
        stmt.query_row(params![flat.building, flat.unit, flat.room], |r| {
            Ok(RosterEntry {
                flat_id: r.get(0)?,
                flat: flat.clone(),
                area: Area(r.get(1)?),
                owner_id: r.get(2)?,
                owner_key: r.get(3)?,
                owner_name: r.get(4)?,
                phone: r.get(5)?,
            })
        })
        .optional()?
        .ok_or_else(|| StoreError::Said(said!(S::FlatNotInRoster, flat = flat)))
    }
}
