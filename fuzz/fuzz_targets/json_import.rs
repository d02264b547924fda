//! A KAM Planner file (or anything claiming to be one): reading never panics; a file that reads
//! writes back to a file that reads to the same workspace; merging it field by field into the
//! demo is total, and a merged file's preview against the result is empty.
#![no_main]
use kam_core::exchange::{read_encrypted, read_file, write_file, PersonalDetails};
use kam_core::merge::records::{merge_workspaces, preview_workspace};
use kam_core::merge::workspace::document_of;
use kam_core::merge::{Clock, Stamp};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_encrypted(data);
    if let Ok(read) = read_file(data) {
        let again = write_file(&read.workspace, None, PersonalDetails::Included, "fuzz", "2026-11-24T00:00:00Z");
        let back = read_file(again.as_bytes()).expect("a file this build wrote must read");
        assert_eq!(back.workspace.accounts(), read.workspace.accounts());
        assert_eq!(back.workspace.dossiers(), read.workspace.dossiers());
        let redacted = write_file(&read.workspace, None, PersonalDetails::Removed, "fuzz", "2026-11-24T00:00:00Z");
        read_file(redacted.as_bytes()).expect("a redacted file must read");
        let demo = kam_core::demo::demo_workspace(|t| t.id());
        let local = document_of(&demo, &Stamp::new(1, 0, "here"), |_, _| false);
        let _ = preview_workspace(&local, &read.document);
        if let Ok(merged) =
            merge_workspaces(demo.clone(), &local, &read.document, &Default::default(), None, &mut Clock::new("here"), 2)
        {
            let after = merged.document(&local);
            assert!(preview_workspace(&after, &read.document).is_empty(), "merging again changes nothing");
        }
    }
});
