//! Show what the rules see and find for each line of input (or each argument).
//!
//! `cargo run -p postguard-rules --example explain -- "k y s" "I used to want to kill myself, but"`
//! `echo "some post" | cargo run -p postguard-rules --example explain`

use std::io::BufRead;

use postguard_rules::RuleSet;

fn main() {
    let rules = RuleSet::default();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lines: Vec<String> =
        if args.is_empty() { std::io::stdin().lock().lines().map_while(Result::ok).collect() } else { args };
    for text in lines {
        let r = rules.check(&text);
        println!("text:       {text:?}");
        println!("normalised: {:?}", rules.normalize(&text));
        for h in &r.hits {
            println!("  HIT      {:<40} {:<15} {:<6} {:?}", h.rule_id, h.label, h.severity, h.text);
        }
        for s in &r.suppressed {
            println!("  SUPPRESS {:<40} {:?}: {}", s.hit.rule_id, s.hit.text, s.reason);
        }
        for a in &r.allows {
            let labels: Vec<&str> = a.labels.iter().map(|l| l.as_str()).collect();
            println!("  ALLOW    {:<40} {:?} damps {}", a.id, a.text, labels.join(","));
        }
        println!();
    }
}
