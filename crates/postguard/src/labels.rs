//! A value per label.

use std::ops::{Index, IndexMut};

use serde::{Deserialize, Serialize};

use crate::Label;

/// One value for each [`Label`], serialised as an object keyed by label name
/// (`{"bullying": .., "misinformation": .., "unsafe_advice": .., "crisis": ..}`).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PerLabel<T> {
    /// Value for [`Label::Bullying`].
    pub bullying: T,
    /// Value for [`Label::Misinformation`].
    pub misinformation: T,
    /// Value for [`Label::UnsafeAdvice`].
    pub unsafe_advice: T,
    /// Value for [`Label::Crisis`].
    pub crisis: T,
}

impl<T> PerLabel<T> {
    /// Builds the value of each label with `f`.
    pub fn from_fn(mut f: impl FnMut(Label) -> T) -> Self {
        Self {
            bullying: f(Label::Bullying),
            misinformation: f(Label::Misinformation),
            unsafe_advice: f(Label::UnsafeAdvice),
            crisis: f(Label::Crisis),
        }
    }

    /// `(label, &value)` pairs in [`Label::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Label, &T)> {
        Label::ALL
            .into_iter()
            .map(move |label| (label, &self[label]))
    }

    /// Applies `f` to every value.
    pub fn map<U>(&self, mut f: impl FnMut(Label, &T) -> U) -> PerLabel<U> {
        PerLabel::from_fn(|label| f(label, &self[label]))
    }
}

impl<T> Index<Label> for PerLabel<T> {
    type Output = T;

    fn index(&self, label: Label) -> &T {
        match label {
            Label::Bullying => &self.bullying,
            Label::Misinformation => &self.misinformation,
            Label::UnsafeAdvice => &self.unsafe_advice,
            Label::Crisis => &self.crisis,
        }
    }
}

impl<T> IndexMut<Label> for PerLabel<T> {
    fn index_mut(&mut self, label: Label) -> &mut T {
        match label {
            Label::Bullying => &mut self.bullying,
            Label::Misinformation => &mut self.misinformation,
            Label::UnsafeAdvice => &mut self.unsafe_advice,
            Label::Crisis => &mut self.crisis,
        }
    }
}
