//! Chance-corrected agreement on binary codings: Cohen's κ for two coders, Krippendorff's α
//! (nominal) for any number, with missing codings allowed.

/// Cohen's κ of two codings of the same items (`true`: the item has the category). `None`
/// when there are no items or chance agreement is total (both coders constant and equal).
#[must_use]
pub fn cohen_kappa(a: &[bool], b: &[bool]) -> Option<f64> {
    let n = a.len().min(b.len());
    if n == 0 {
        return None;
    }
    let count = |f: &dyn Fn(usize) -> bool| (0..n).filter(|&i| f(i)).count() as f64;
    let n = n as f64;
    let observed = count(&|i| a[i] == b[i]) / n;
    let (a1, b1) = (count(&|i| a[i]) / n, count(&|i| b[i]) / n);
    let expected = a1 * b1 + (1.0 - a1) * (1.0 - b1);
    if (1.0 - expected).abs() < f64::EPSILON {
        return None;
    }
    Some((observed - expected) / (1.0 - expected))
}

/// Krippendorff's α for nominal binary data. `units[u]` holds the codings of unit `u` by the
/// coders who coded it; units with fewer than two codings are not pairable and left out.
/// `None` when nothing is pairable or every pairable coding is the same value.
#[must_use]
pub fn krippendorff_alpha_nominal(units: &[Vec<bool>]) -> Option<f64> {
    // Coincidences: o[c][k] sums, over units, the ordered pairs of codings (c, k) by
    // different coders, each unit weighted 1 / (m_u - 1).
    let mut o = [[0.0_f64; 2]; 2];
    for codings in units.iter().filter(|c| c.len() >= 2) {
        let m = codings.len() as f64;
        let ones = codings.iter().filter(|&&v| v).count() as f64;
        let zeros = m - ones;
        o[0][0] += zeros * (zeros - 1.0) / (m - 1.0);
        o[1][1] += ones * (ones - 1.0) / (m - 1.0);
        o[0][1] += zeros * ones / (m - 1.0);
        o[1][0] += ones * zeros / (m - 1.0);
    }
    let n0 = o[0][0] + o[0][1];
    let n1 = o[1][0] + o[1][1];
    let n = n0 + n1;
    if n <= 1.0 || n0 * n1 == 0.0 {
        return None;
    }
    let disagreement_observed = o[0][1] + o[1][0];
    let disagreement_expected = 2.0 * n0 * n1 / (n - 1.0);
    Some(1.0 - disagreement_observed / disagreement_expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &str) -> Vec<bool> {
        s.chars().map(|c| c == '1').collect()
    }

    #[test]
    fn kappa_of_a_case_computed_by_hand() {
        // 10 items: agree on 8 (3 ones, 5 zeros); A says 1 four times, B four times.
        // p_o = 0.8; p_e = 0.4·0.4 + 0.6·0.6 = 0.52; κ = 0.28 / 0.48 = 0.58333…
        let a = codes("1110100000");
        let b = codes("1101100000");
        let kappa = cohen_kappa(&a, &b).expect("defined");
        assert!((kappa - 0.28 / 0.48).abs() < 1e-12, "{kappa}");
        assert_eq!(cohen_kappa(&a, &a), Some(1.0));
        assert_eq!(cohen_kappa(&codes("000"), &codes("000")), None);
    }

    #[test]
    fn alpha_of_a_case_computed_by_hand() {
        // The same 10 items coded by A and B: 20 pairable values, n0 = 12, n1 = 8;
        // 2 units disagree: D_o ∝ 2 + 2 = 4 coincidences off the diagonal;
        // D_e ∝ 2·12·8 / 19; α = 1 − 4·19 / 192 = 0.604166…
        let units: Vec<Vec<bool>> = codes("1110100000")
            .into_iter()
            .zip(codes("1101100000"))
            .map(|(a, b)| vec![a, b])
            .collect();
        let alpha = krippendorff_alpha_nominal(&units).expect("defined");
        assert!((alpha - (1.0 - 76.0 / 192.0)).abs() < 1e-12, "{alpha}");
        // A unit coded once is not pairable and changes nothing.
        let mut with_single = units.clone();
        with_single.push(vec![true]);
        assert_eq!(krippendorff_alpha_nominal(&with_single), Some(alpha));
        // Three coders agreeing everywhere: α = 1.
        let three = vec![vec![true, true, true], vec![false, false, false]];
        assert_eq!(krippendorff_alpha_nominal(&three), Some(1.0));
    }
}
