//! Loader throughput: the sample briefing, and the sample repeated to about 1 MB.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use debrief::loader::{Options, load};
use std::hint::black_box;

const SAMPLE: &str = include_str!("../assets/briefings/korea-ukraine.txt");

fn bench(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    group.bench_function("sample", |b| {
        b.iter(|| load(black_box(SAMPLE.as_bytes()), &options))
    });
    let big = SAMPLE.repeat(1_000_000 / SAMPLE.len() + 1);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("sample_repeated_1MB", |b| {
        b.iter(|| load(black_box(big.as_bytes()), &options))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
