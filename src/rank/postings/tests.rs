use super::*;

fn build(docs: &[&[Key]]) -> Postings {
    let mut b = PostingsBuilder::new(0);
    for keys in docs {
        for &k in *keys {
            b.add(k);
        }
        b.end_doc();
    }
    b.finish()
}

fn docs(p: &Postings, k: Key) -> Option<Vec<u32>> {
    p.get(k).map(|l| l.iter().collect())
}

#[test]
fn lists_come_back_in_document_order_without_duplicates() {
    let p = build(&[&[5, 3, 5], &[3], &[], &[9, 3]]);
    assert_eq!(docs(&p, 3), Some(vec![0, 1, 3]));
    assert_eq!(docs(&p, 5), Some(vec![0]));
    assert_eq!(docs(&p, 9), Some(vec![3]));
    assert_eq!(docs(&p, 4), None);
    assert_eq!(p.get(3).unwrap().df(), 3);
    assert_eq!(p.terms(), 3);
}

#[test]
fn dense_and_sparse_lists_decode_alike() {
    // 1000 documents: key 1 in every one (dense), key 2 in every 300th (sparse,
    // gaps over 128 need two varint bytes).
    let keys: Vec<Vec<Key>> = (0..1000)
        .map(|d| if d % 300 == 0 { vec![1, 2] } else { vec![1] })
        .collect();
    let refs: Vec<&[Key]> = keys.iter().map(Vec::as_slice).collect();
    let p = build(&refs);
    let every = p.get(1).unwrap();
    assert!(every.dense);
    assert_eq!(
        every.iter().collect::<Vec<_>>(),
        (0..1000).collect::<Vec<_>>()
    );
    let rare = p.get(2).unwrap();
    assert!(!rare.dense);
    assert_eq!(rare.iter().collect::<Vec<_>>(), [0, 300, 600, 900]);
    for list in [every, rare] {
        let mut bits = vec![0u64; 1000usize.div_ceil(64)];
        list.or_into(&mut bits);
        let set: Vec<u32> = (0..1000)
            .filter(|&d| bits[d as usize / 64] >> (d % 64) & 1 == 1)
            .collect();
        assert_eq!(set, list.iter().collect::<Vec<_>>());
    }
}

#[test]
fn the_dictionary_finds_every_key_across_blocks_and_table_growth() {
    // Thousands of keys with gaps small and huge, so blocks, fences, long varint
    // deltas and several table doublings all happen.
    let keys: Vec<Key> = (0..5000u64).map(|i| i * i * 7919 + (i % 3)).collect();
    let per_doc: Vec<Vec<Key>> = keys.chunks(7).map(<[Key]>::to_vec).collect();
    let refs: Vec<&[Key]> = per_doc.iter().map(Vec::as_slice).collect();
    let p = build(&refs);
    assert_eq!(p.terms(), keys.len());
    for (i, &k) in keys.iter().enumerate() {
        assert_eq!(docs(&p, k), Some(vec![(i / 7) as u32]), "key {k}");
        if k > 0 && !keys.contains(&(k - 1)) {
            assert_eq!(docs(&p, k - 1), None);
        }
    }
    assert_eq!(docs(&p, Key::MAX - 1), None);
    let probe: Vec<Key> = (0..20_000u64).map(|k| k * k).collect();
    let want: Vec<u32> = probe
        .iter()
        .map(|&k| p.get(k).map_or(0, |l| l.df()))
        .collect();
    assert_eq!(p.dfs_sorted(&probe), want);
    assert!(want.iter().any(|&df| df > 0));
}

#[test]
fn merged_segments_equal_one_built_over_all_documents() {
    let keys: Vec<Vec<Key>> = (0..700u64)
        .map(|d| (0..d % 40).map(|j| (j * j + d % 7) % 90).collect())
        .collect();
    let refs: Vec<&[Key]> = keys.iter().map(Vec::as_slice).collect();
    let whole = build(&refs);
    let (a, rest) = refs.split_at(300);
    let (b, c) = rest.split_at(1);
    let parts = [build(a), build(b), build(c)];
    let merged = Postings::merge(&[(&parts[0], 0), (&parts[1], 300), (&parts[2], 301)], 700);
    assert_eq!(merged.terms(), whole.terms());
    assert_eq!(merged.lists, whole.lists);
    for k in 0..95 {
        assert_eq!(docs(&merged, k), docs(&whole, k), "key {k}");
    }
}

#[test]
fn an_empty_segment_has_no_lists() {
    let p = build(&[&[], &[]]);
    assert_eq!(p.terms(), 0);
    assert!(p.get(0).is_none());
}

#[test]
fn varints_round_trip() {
    for v in [0, 1, 127, 128, 16_383, 16_384, u64::from(u32::MAX), 1 << 42] {
        let mut out = Vec::new();
        write_varint(&mut out, v);
        assert_eq!(out.len(), varint_len(v));
        assert_eq!(read_varint(&out, &mut 0), v);
    }
}

#[test]
fn keys_keep_both_characters() {
    assert_ne!(key('发', '展'), key('展', '发'));
    assert_eq!(key('\u{10FFFF}', 'a') >> 21, 0x10FFFF);
}
