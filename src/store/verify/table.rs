//! One walk for every table checked row by row: each row is matched with what the events recorded,
//! its columns are compared, and what is left over on either side is reported.

use std::collections::{BTreeMap, HashMap};

use rusqlite::types::FromSql;
use rusqlite::{Connection, Row};

use super::expected::Recorded;
use super::findings::{Findings, Set, Shown};
use crate::i18n::{FindingText as F, Said, said};
use crate::store::Result;

/// A table whose rows each stand for one thing an event recorded.
pub(super) struct Table {
    pub(super) name: &'static str,
    /// What one row is, in findings ("ballot", "sign-in").
    pub(super) what: F,
    /// The key column(s) first, then the columns compared.
    pub(super) sql: &'static str,
}

/// How a row is found among the expected ones, and how it is named in findings.
pub(super) trait Key: Ord + Copy {
    fn read(r: &Row<'_>) -> rusqlite::Result<Self>;
    fn name(self) -> Said;
}

impl Key for i64 {
    fn read(r: &Row<'_>) -> rusqlite::Result<Self> {
        r.get(0)
    }

    fn name(self) -> Said {
        said!(F::RowId, id = self)
    }
}

/// (meeting, owner): a sign-in has no id of its own.
impl Key for (i64, i64) {
    fn read(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok((r.get(0)?, r.get(1)?))
    }

    fn name(self) -> Said {
        said!(F::RowSignIn, meeting = self.0, owner = self.1)
    }
}

/// One row being compared with what the events set.
pub(super) struct RowCheck<'a, 'r> {
    out: &'a mut Findings,
    table: &'a str,
    row: &'a Said,
    r: &'a Row<'r>,
}

impl RowCheck<'_, '_> {
    pub(super) fn get<T: FromSql>(&self, column: usize) -> Result<T> {
        Ok(self.r.get(column)?)
    }

    /// Column `i` against what an event set it to.
    pub(super) fn field<T: FromSql + PartialEq + Shown>(
        &mut self,
        name: &str,
        i: usize,
        expected: &Set<T>,
    ) -> Result<()> {
        let actual: T = self.get(i)?;
        self.out
            .field(self.table, self.row, name, &actual, expected);
        Ok(())
    }

    /// A NOT NULL column whose event may lack the value: read strictly, compared as an option.
    pub(super) fn some<T: FromSql + PartialEq + Shown>(
        &mut self,
        name: &str,
        i: usize,
        expected: &Set<Option<T>>,
    ) -> Result<()> {
        let actual: T = self.get(i)?;
        self.out
            .field(self.table, self.row, name, &Some(actual), expected);
        Ok(())
    }

    /// A finding about this row that is not about one column's value.
    pub(super) fn push(&mut self, event: i64, message: Said) {
        self.out
            .push(self.table, self.row.clone(), Some(event), message);
    }
}

/// Compares each row of `table` with the entry of `expected` under its key (through `check`):
/// a row without an entry was added, an entry without a row was deleted. Returns the rows read.
pub(super) fn compare_rows<K: Key, X: Recorded>(
    conn: &Connection,
    out: &mut Findings,
    table: &Table,
    expected: &BTreeMap<K, X>,
    check: impl FnMut(&mut RowCheck<'_, '_>, K, &X) -> Result<()>,
) -> Result<usize> {
    compare_selected(conn, out, table, Rows::All, expected, check)
}

/// Which rows of a table are compared.
pub(super) enum Rows<'a> {
    All,
    /// Those the table's query with this parameter returns.
    Of(i64),
    /// All but those whose second column (the parent) is in this set.
    Except(&'a std::collections::HashSet<i64>),
}

/// [`compare_rows`] on the rows selected.
pub(super) fn compare_selected<K: Key, X: Recorded>(
    conn: &Connection,
    out: &mut Findings,
    table: &Table,
    which: Rows<'_>,
    expected: &BTreeMap<K, X>,
    mut check: impl FnMut(&mut RowCheck<'_, '_>, K, &X) -> Result<()>,
) -> Result<usize> {
    let mut stmt = conn.prepare_cached(table.sql)?;
    let mut rows = match which {
        Rows::Of(param) => stmt.query([param])?,
        _ => stmt.query([])?,
    };
    let mut seen = 0;
    let mut left: BTreeMap<K, &X> = expected.iter().map(|(k, v)| (*k, v)).collect();
    while let Some(r) = rows.next()? {
        if let Rows::Except(skip) = which
            && skip.contains(&r.get::<_, i64>(1)?)
        {
            continue;
        }
        seen += 1;
        let key = K::read(r)?;
        let row = key.name();
        let Some(x) = left.remove(&key) else {
            let message = said!(F::Added).word("what", table.what);
            out.push(table.name, row, None, message);
            continue;
        };
        let mut c = RowCheck {
            out: &mut *out,
            table: table.name,
            row: &row,
            r,
        };
        check(&mut c, key, x)?;
    }
    for (key, x) in left {
        let message = said!(F::Deleted).word("what", table.what);
        out.push(table.name, key.name(), Some(x.recorded_by()), message);
    }
    Ok(seen)
}

/// A table of lists, one per parent (notes per item, progress per action): a parent's rows match
/// the events that recorded its list, in order.
pub(super) struct Lists {
    pub(super) name: &'static str,
    /// The parent's kind ("item", "action").
    pub(super) parent: F,
    /// What one row is, in findings ("note", "progress").
    pub(super) what: F,
    /// The finding for an entry that has no row.
    pub(super) missing: F,
    /// The row's id and its parent's id first, then the columns compared.
    pub(super) sql: &'static str,
}

/// Compares the rows of `table` with the lists in `expected`, in order; `differs` says how a row
/// differs from its entry, if it does. Returns the rows read.
pub(super) fn compare_lists<X: Recorded>(
    conn: &Connection,
    out: &mut Findings,
    table: &Lists,
    expected: &BTreeMap<i64, &[X]>,
    differs: impl Fn(&Row<'_>, &X) -> Result<Option<Said>>,
) -> Result<usize> {
    let mut stmt = conn.prepare(table.sql)?;
    let mut rows = stmt.query([])?;
    let mut seen = 0;
    // How many entries of each parent's list rows have matched so far.
    let mut taken: HashMap<i64, usize> = HashMap::new();
    while let Some(r) = rows.next()? {
        seen += 1;
        let id: i64 = r.get(0)?;
        let parent: i64 = r.get(1)?;
        let row = said!(F::RowId, id = id);
        let k = taken.entry(parent).or_default();
        let Some(x) = expected.get(&parent).and_then(|list| list.get(*k)) else {
            let message = said!(F::AddedOn, id = parent)
                .word("what", table.what)
                .word("parent", table.parent);
            out.push(table.name, row, None, message);
            continue;
        };
        *k += 1;
        if let Some(message) = differs(r, x)? {
            out.push(table.name, row, Some(x.recorded_by()), message);
        }
    }
    for (parent, list) in expected {
        for x in list.iter().skip(taken.get(parent).copied().unwrap_or(0)) {
            out.push(
                table.name,
                said!(F::RowOf, id = parent).word("what", table.parent),
                Some(x.recorded_by()),
                said!(table.missing),
            );
        }
    }
    Ok(seen)
}
