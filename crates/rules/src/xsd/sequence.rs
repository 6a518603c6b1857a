//! The state machine that checks an aggregate element's children against its `xsd:sequence`.
//!
//! UBL's sequences hold only element references, each at most once, so the state is the
//! position of the last matched element and how many times in a row it came. A child further
//! on skips the elements in between (which must be optional); a child earlier on is out of
//! order. After the first problem the sequence stops judging, so one mistake gives one
//! finding, and later children are only looked up to be checked on their own.

use super::schema::{Model, Ns, Particle};

/// What is wrong at one child, or at the end of the children.
#[derive(Clone, Copy)]
pub(super) enum Problem {
    /// The element is not in this sequence at all.
    NotAllowed,
    /// The element belongs earlier, before `after`, which already came.
    TooEarly {
        particle: &'static Particle,
        after: &'static Particle,
    },
    /// One more than `maxOccurs`.
    TooMany { particle: &'static Particle },
    /// `short` came fewer times than its `minOccurs` before this child, or at the end
    /// (`particle` is then `short` too). Only for a `minOccurs` above one, which UBL does
    /// not use.
    TooFew {
        particle: &'static Particle,
        short: &'static Particle,
    },
    /// A required element was skipped: before this child, or at the end (`particle` is then
    /// the missing one too).
    Missing {
        particle: &'static Particle,
        missing: &'static Particle,
    },
}

impl Problem {
    /// The sequence entry of the child, when it has one (it is then checked on its own).
    pub(super) fn particle(&self) -> Option<&'static Particle> {
        match *self {
            Problem::NotAllowed => None,
            Problem::TooEarly { particle, .. }
            | Problem::TooMany { particle }
            | Problem::TooFew { particle, .. }
            | Problem::Missing { particle, .. } => Some(particle),
        }
    }
}

/// The children seen so far of one aggregate element.
pub(super) struct Sequence {
    children: &'static [Particle],
    /// The entry last matched (0 before any).
    at: usize,
    /// How many children in a row matched it (0 before any).
    count: u32,
    failed: bool,
}

impl Sequence {
    pub(super) fn new(model: &'static Model) -> Self {
        Sequence {
            children: model.children,
            at: 0,
            count: 0,
            failed: false,
        }
    }

    /// The entry for the next child `ns:local`, or what is wrong with it there. Once a problem
    /// was returned, no other is: an unknown child is then `Ok(None)`.
    pub(super) fn step(
        &mut self,
        ns: Ns,
        local: &str,
    ) -> Result<Option<&'static Particle>, Problem> {
        // The usual case is the entry matched last or one shortly after it.
        let found = self.children[self.at..]
            .iter()
            .position(|p| p.is(ns, local))
            .map(|i| self.at + i)
            .or_else(|| {
                self.children[..self.at]
                    .iter()
                    .position(|p| p.is(ns, local))
            });
        let Some(index) = found else {
            return self.fail(Problem::NotAllowed);
        };
        let particle = &self.children[index];
        if self.failed {
            return Ok(Some(particle));
        }
        if index == self.at && self.count > 0 {
            self.count = self.count.saturating_add(1);
            if self.count > particle.max {
                return self.fail(Problem::TooMany { particle });
            }
            return Ok(Some(particle));
        }
        if index < self.at {
            let after = &self.children[self.at];
            return self.fail(Problem::TooEarly { particle, after });
        }
        let skipped = self.unsatisfied(index);
        self.at = index;
        self.count = 1;
        match skipped {
            Some(Problem::Missing { missing, .. }) => {
                self.fail(Problem::Missing { particle, missing })
            }
            Some(Problem::TooFew { short, .. }) => self.fail(Problem::TooFew { particle, short }),
            Some(problem) => self.fail(problem),
            None => Ok(Some(particle)),
        }
    }

    /// The next child is in a namespace UBL does not declare elements in.
    pub(super) fn step_foreign(&mut self) -> Result<Option<&'static Particle>, Problem> {
        self.fail(Problem::NotAllowed)
    }

    /// After the last child: what required element never came.
    pub(super) fn finish(&mut self) -> Result<(), Problem> {
        if self.failed {
            return Ok(());
        }
        match self.unsatisfied(self.children.len()) {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }

    /// The first requirement not met by the entries from the current one up to `until`
    /// (excluded), all of which are about to be left behind.
    fn unsatisfied(&self, until: usize) -> Option<Problem> {
        let mut from = self.at;
        if self.count > 0 {
            let current = &self.children[self.at];
            if self.count < current.min {
                return Some(Problem::TooFew {
                    particle: current,
                    short: current,
                });
            }
            from += 1;
        }
        self.children[from..until]
            .iter()
            .find(|p| p.min > 0)
            .map(|missing| Problem::Missing {
                particle: missing,
                missing,
            })
    }

    fn fail(&mut self, problem: Problem) -> Result<Option<&'static Particle>, Problem> {
        if self.failed {
            return Ok(problem.particle());
        }
        self.failed = true;
        Err(problem)
    }
}

#[cfg(test)]
mod tests {
    use super::super::schema::Kind;
    use super::*;

    const N: u32 = u32::MAX;

    static MODEL: Model = Model {
        ns: Ns::Cac,
        name: "TestType",
        children: &[
            Particle {
                ns: Ns::Cbc,
                name: "A",
                kind: Kind::Open,
                min: 0,
                max: 1,
            },
            Particle {
                ns: Ns::Cbc,
                name: "B",
                kind: Kind::Open,
                min: 1,
                max: 1,
            },
            Particle {
                ns: Ns::Cbc,
                name: "C",
                kind: Kind::Open,
                min: 0,
                max: N,
            },
            Particle {
                ns: Ns::Cac,
                name: "D",
                kind: Kind::Open,
                min: 1,
                max: N,
            },
        ],
    };

    /// Runs the children through the machine: the first problem as text, or "ok".
    fn run(children: &[&str]) -> String {
        let mut sequence = Sequence::new(&MODEL);
        let describe = |p: Problem| match p {
            Problem::NotAllowed => "not allowed".to_owned(),
            Problem::TooEarly { particle, after } => {
                format!("{} before {}", particle.name, after.name)
            }
            Problem::TooMany { particle } => format!("too many {}", particle.name),
            Problem::TooFew { short, .. } => format!("too few {}", short.name),
            Problem::Missing { particle, missing } => {
                format!("{} missing at {}", missing.name, particle.name)
            }
        };
        for (i, child) in children.iter().enumerate() {
            let ns = if *child == "D" { Ns::Cac } else { Ns::Cbc };
            if let Err(p) = sequence.step(ns, child) {
                return format!("{i}: {}", describe(p));
            }
        }
        sequence
            .finish()
            .map_or_else(|p| format!("end: {}", describe(p)), |()| "ok".to_owned())
    }

    #[test]
    fn order_and_cardinality() {
        assert_eq!(run(&["A", "B", "C", "C", "D", "D"]), "ok");
        assert_eq!(run(&["B", "D"]), "ok");
        assert_eq!(run(&["B", "A", "D"]), "1: A before B");
        assert_eq!(run(&["A", "A", "B", "D"]), "1: too many A");
        assert_eq!(run(&["A", "C", "D"]), "1: B missing at C");
        assert_eq!(run(&["A", "B"]), "end: D missing at D");
        assert_eq!(run(&[]), "end: B missing at B");
        assert_eq!(run(&["B", "X", "D"]), "1: not allowed");
        assert_eq!(run(&["B", "D", "C"]), "2: C before D");
    }

    #[test]
    fn after_a_problem_the_sequence_stops_judging() {
        let mut sequence = Sequence::new(&MODEL);
        assert!(sequence.step(Ns::Cbc, "B").is_ok());
        assert!(sequence.step(Ns::Cbc, "A").is_err());
        // Known children are still found, so they can be checked on their own.
        assert_eq!(
            sequence.step(Ns::Cbc, "A").ok().flatten().map(|p| p.name),
            Some("A")
        );
        assert!(matches!(sequence.step(Ns::Cbc, "X"), Ok(None)));
        assert!(sequence.finish().is_ok());
    }
}
