//! The members x skills matrix: dense, row-major, one byte a cell.

use super::Cell;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LevelMatrix {
    members: usize,
    skills: usize,
    cells: Vec<Cell>,
}

impl LevelMatrix {
    pub fn new(members: usize, skills: usize) -> LevelMatrix {
        LevelMatrix {
            members,
            skills,
            cells: vec![Cell::NOT_ASSESSED; members * skills],
        }
    }

    /// The matrix from its cells' bytes in row order, as `to_bytes` gives
    /// them; `None` when the count does not match or a byte is no cell.
    pub fn from_bytes(members: usize, skills: usize, bytes: &[u8]) -> Option<LevelMatrix> {
        if members.checked_mul(skills)? != bytes.len() {
            return None;
        }
        let cells = bytes
            .iter()
            .map(|&byte| Cell::try_from_byte(byte))
            .collect::<Option<Vec<Cell>>>()?;
        Some(LevelMatrix {
            members,
            skills,
            cells,
        })
    }

    /// Every cell as a byte, in row order.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.cells.iter().map(|cell| cell.to_byte()).collect()
    }

    pub fn members(&self) -> usize {
        self.members
    }

    pub fn skills(&self) -> usize {
        self.skills
    }

    pub fn get(&self, member: usize, skill: usize) -> Cell {
        self.cells[member * self.skills + skill]
    }

    pub fn set(&mut self, member: usize, skill: usize, cell: Cell) {
        self.cells[member * self.skills + skill] = cell;
    }

    /// One member's cells, in skill order.
    pub fn row(&self, member: usize) -> &[Cell] {
        &self.cells[member * self.skills..(member + 1) * self.skills]
    }

    pub fn row_mut(&mut self, member: usize) -> &mut [Cell] {
        &mut self.cells[member * self.skills..(member + 1) * self.skills]
    }

    /// One skill's cells, in member order.
    pub fn column(&self, skill: usize) -> impl Iterator<Item = Cell> + '_ {
        self.cells
            .iter()
            .skip(skill)
            .step_by(self.skills.max(1))
            .copied()
    }

    pub fn push_member(&mut self) -> usize {
        self.cells
            .extend(std::iter::repeat_n(Cell::NOT_ASSESSED, self.skills));
        self.members += 1;
        self.members - 1
    }

    pub fn remove_member(&mut self, member: usize) {
        let start = member * self.skills;
        self.cells.drain(start..start + self.skills);
        self.members -= 1;
    }

    /// Inserts an empty column at `at`; O(cells), which is fine for an edit.
    pub fn insert_skill(&mut self, at: usize) {
        let old_skills = self.skills;
        let mut cells = Vec::with_capacity(self.members * (old_skills + 1));
        for row in self.cells.chunks(old_skills.max(1)).take(self.members) {
            cells.extend_from_slice(&row[..at]);
            cells.push(Cell::NOT_ASSESSED);
            cells.extend_from_slice(&row[at..]);
        }
        if old_skills == 0 {
            cells = vec![Cell::NOT_ASSESSED; self.members];
        }
        self.cells = cells;
        self.skills += 1;
    }

    /// Removes the column at `at`; O(cells), which is fine for an edit.
    pub fn remove_skill(&mut self, at: usize) {
        let old_skills = self.skills;
        let mut cells = Vec::with_capacity(self.members * old_skills.saturating_sub(1));
        for row in self.cells.chunks(old_skills.max(1)).take(self.members) {
            cells.extend_from_slice(&row[..at]);
            cells.extend_from_slice(&row[at + 1..]);
        }
        self.cells = cells;
        self.skills -= 1;
    }

    pub fn iter_rows(&self) -> impl Iterator<Item = &[Cell]> {
        self.cells.chunks(self.skills.max(1)).take(self.members)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    #[test]
    fn inserting_a_column_keeps_every_cell_in_place() {
        let mut matrix = LevelMatrix::new(2, 2);
        matrix.set(0, 1, Cell::assessed(Level::EXPERT));
        matrix.set(1, 0, Cell::assessed(Level::WORKING));
        matrix.insert_skill(1);
        assert_eq!(matrix.skills(), 3);
        assert_eq!(matrix.get(0, 2), Cell::assessed(Level::EXPERT));
        assert_eq!(matrix.get(1, 0), Cell::assessed(Level::WORKING));
        assert_eq!(matrix.get(0, 1), Cell::NOT_ASSESSED);
        assert_eq!(matrix.column(0).collect::<Vec<_>>().len(), 2);
    }

    #[test]
    fn first_column_of_an_empty_matrix() {
        let mut matrix = LevelMatrix::new(3, 0);
        matrix.insert_skill(0);
        assert_eq!((matrix.members(), matrix.skills()), (3, 1));
        assert_eq!(matrix.row(2), &[Cell::NOT_ASSESSED]);
    }

    #[test]
    fn members_come_and_go() {
        let mut matrix = LevelMatrix::new(1, 2);
        let added = matrix.push_member();
        matrix.set(added, 1, Cell::assessed(Level::NONE));
        matrix.remove_member(0);
        assert_eq!(matrix.members(), 1);
        assert_eq!(matrix.get(0, 1), Cell::assessed(Level::NONE));
    }
}
