//! Issue 30, row 4: one huge input line must not be held in memory. A 64 MiB JSONL line and a
//! 64 MiB CSV record, generated lazily (never in memory here either), are read with a 1 MiB
//! record limit; the allocator's peak during the read stays a few MiB, and the records after
//! the huge one are read normally. Before the limit, the reader held the whole line (and more:
//! a 300 MB line cost 742 MB-4.3 GB of RSS in the CLI).

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{self, BufRead, Read};
use std::sync::atomic::{AtomicUsize, Ordering};

use postguard_cli::input::{FieldSpec, Format, Item, RecordReader};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged, only counting bytes.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on as it is.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// `head`, then `n` bytes of `b'x'`, then `tail`, produced on demand.
struct Lazy {
    head: Vec<u8>,
    n: usize,
    tail: Vec<u8>,
    pos: usize,
}

impl Read for Lazy {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let (h, n) = (self.head.len(), self.n);
        let p = self.pos;
        let k = if p < h {
            let k = out.len().min(h - p);
            out[..k].copy_from_slice(&self.head[p..p + k]);
            k
        } else if p < h + n {
            let k = out.len().min(h + n - p);
            out[..k].fill(b'x');
            k
        } else {
            let t = p - h - n;
            let k = out.len().min(self.tail.len() - t);
            out[..k].copy_from_slice(&self.tail[t..t + k]);
            k
        };
        self.pos += k;
        Ok(k)
    }
}

const HUGE: usize = 64 << 20;
const LIMIT: usize = 1 << 20;

fn read_all(src: Lazy, format: Format) -> (Vec<Item>, usize) {
    let src: Box<dyn BufRead> = Box::new(io::BufReader::with_capacity(1 << 16, src));
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let items: Vec<Item> = RecordReader::with_options(src, format, FieldSpec::default(), b',', LIMIT)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (items, PEAK.load(Ordering::Relaxed) - base)
}

#[test]
fn a_huge_line_is_read_past_not_held() {
    for (format, head, tail) in [
        (Format::Jsonl, &b"{\"text\":\"a\"}\n{\"text\":\""[..], &b"\"}\n{\"text\":\"b\"}\n"[..]),
        (Format::Csv, b"id,text\n1,a\n2,\"", b"\"\n3,b\n"),
    ] {
        let (items, peak) = read_all(Lazy { head: head.to_vec(), n: HUGE, tail: tail.to_vec(), pos: 0 }, format);
        assert_eq!(items.len(), 3, "{format:?}");
        match &items[1] {
            Item::Err(e) => assert!(e.message.contains("over the limit of 1048576 bytes"), "{format:?}: {e}"),
            Item::Ok(_) => panic!("{format:?}: the huge record was read"),
        }
        assert!(matches!(&items[2], Item::Ok(r) if r.post.text == "b"), "{format:?}");
        assert!(peak < 8 * LIMIT, "{format:?}: peak allocation {peak} bytes while reading a {HUGE}-byte record");
    }
}
