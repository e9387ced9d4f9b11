//! A value per label.

use std::fmt;
use std::ops::{Index, IndexMut};

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Label;

/// One value for each [`Label`], in [`Label::ALL`] order, serialised as an object keyed by
/// label name (`{"bullying": .., "misinformation": .., "unsafe_advice": .., "crisis": ..}`).
///
/// Index it with a label (`scores[Label::Crisis]`); the taxonomy, not this type, decides which
/// labels there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PerLabel<T>([T; Label::COUNT]);

impl<T> PerLabel<T> {
    /// Builds the value of each label with `f`, in [`Label::ALL`] order.
    pub fn from_fn(mut f: impl FnMut(Label) -> T) -> Self {
        Self(std::array::from_fn(|i| f(Label::ALL[i])))
    }

    /// `(label, &value)` pairs in [`Label::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Label, &T)> {
        Label::ALL.into_iter().zip(&self.0)
    }

    /// The values in [`Label::ALL`] order.
    pub fn values(&self) -> &[T] {
        &self.0
    }

    /// Applies `f` to every value.
    pub fn map<U>(&self, mut f: impl FnMut(Label, &T) -> U) -> PerLabel<U> {
        PerLabel::from_fn(|label| f(label, &self[label]))
    }
}

impl<T: Default> Default for PerLabel<T> {
    fn default() -> Self {
        Self::from_fn(|_| T::default())
    }
}

impl<T> Index<Label> for PerLabel<T> {
    type Output = T;

    fn index(&self, label: Label) -> &T {
        &self.0[label.index()]
    }
}

impl<T> IndexMut<Label> for PerLabel<T> {
    fn index_mut(&mut self, label: Label) -> &mut T {
        &mut self.0[label.index()]
    }
}

impl<T: Serialize> Serialize for PerLabel<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Label::COUNT))?;
        for (label, value) in self.iter() {
            map.serialize_entry(label.as_str(), value)?;
        }
        map.end()
    }
}

/// Every label exactly once; an unknown or repeated label name is an error.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for PerLabel<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PerLabelVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for PerLabelVisitor<T> {
            type Value = PerLabel<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an object with one value for each of {}", Label::name_list())
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PerLabel<T>, A::Error> {
                let mut values: [Option<T>; Label::COUNT] = std::array::from_fn(|_| None);
                while let Some(label) = map.next_key::<Label>()? {
                    let slot = &mut values[label.index()];
                    if slot.is_some() {
                        return Err(de::Error::duplicate_field(label.as_str()));
                    }
                    *slot = Some(map.next_value()?);
                }
                let mut out = Vec::with_capacity(Label::COUNT);
                for (label, value) in Label::ALL.into_iter().zip(values) {
                    out.push(value.ok_or_else(|| de::Error::missing_field(label.as_str()))?);
                }
                let Ok(values) = out.try_into() else { unreachable!("one value per label") };
                Ok(PerLabel(values))
            }
        }

        deserializer.deserialize_map(PerLabelVisitor(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_by_name_in_taxonomy_order_and_round_trips() {
        let scores = PerLabel::from_fn(|l| l.index() as f32 / 10.0);
        let json = serde_json::to_string(&scores).unwrap();
        let positions: Vec<usize> =
            Label::ALL.iter().map(|l| json.find(&format!("\"{l}\":")).expect("a key per label")).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "keys out of taxonomy order: {json}");
        assert_eq!(json.matches(':').count(), Label::COUNT, "{json}");
        assert_eq!(serde_json::from_str::<PerLabel<f32>>(&json).unwrap(), scores);
    }

    #[test]
    fn deserialising_names_what_is_wrong() {
        let missing = serde_json::from_str::<PerLabel<f32>>(r#"{"bullying": 1}"#).unwrap_err().to_string();
        assert!(missing.contains("missing field `misinformation`"), "{missing}");
        let mut all: Vec<String> = Label::ALL.iter().map(|l| format!("\"{l}\": 0")).collect();
        all.push("\"bullying\": 1".into());
        let dup = serde_json::from_str::<PerLabel<f32>>(&format!("{{{}}}", all.join(","))).unwrap_err().to_string();
        assert!(dup.contains("duplicate field `bullying`"), "{dup}");
        let unknown = serde_json::from_str::<PerLabel<f32>>(r#"{"bulying": 1}"#).unwrap_err().to_string();
        assert!(unknown.contains("unknown variant `bulying`"), "{unknown}");
    }
}
