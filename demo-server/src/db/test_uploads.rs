//! A database with uploads in it, for the tests of what reads and writes
//! them: SQLite in a folder, or PostgreSQL when the scale suite names one.

use super::{Db, NewInvite, UploadRow};

/// A database with `count` uploads at offset 0 of one invite, and their
/// ids: in `dir`, or a fresh one on the PostgreSQL server
/// `DEMO_TEST_DATABASE_URL` names (`cargo xtask test --scale`).
pub(super) async fn uploads(dir: &std::path::Path, count: usize) -> (Db, Vec<String>) {
    let postgres = std::env::var("DEMO_TEST_DATABASE_URL").ok().map(|url| {
        let (server, _) = url.rsplit_once('/').expect("a URL with a database name");
        format!("{server}/uploads_{:016x}", rand::random::<u64>())
    });
    let interviews = [recorder_core::model::Interview::sample()];
    let db = crate::open(dir, postgres.as_deref(), &interviews)
        .await
        .unwrap();
    let token = db
        .create_invite(&NewInvite::to("demo"))
        .await
        .unwrap()
        .unwrap();
    let invite = db
        .find_invite(&crate::invite::token_hash(&token))
        .await
        .unwrap()
        .unwrap();
    let ids: Vec<String> = (0..count).map(|i| format!("u{i:03}")).collect();
    for id in &ids {
        let row = UploadRow {
            id: id.clone(),
            invite_id: invite.invite_id,
            question_id: "q1".into(),
            ..Default::default()
        };
        assert!(db.insert_probe(&row, u32::MAX).await.unwrap());
    }
    (db, ids)
}
