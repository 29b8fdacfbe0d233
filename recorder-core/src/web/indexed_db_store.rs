//! The [`TakeStore`] in IndexedDB: takes survive a reload, a crash or a closed tab.

use super::from_js::from_js;
use super::js_error_message;
use crate::take_store::{StoredTake, TakeInfo, TakeStore};
use futures::channel::oneshot;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbKeyRange, IdbRequest, IdbTransaction};

const VERSION: u32 = 1;
const TAKES: &str = "takes";
const CHUNKS: &str = "chunks";

/// Why IndexedDB failed.
///
/// ```no_run
/// use recorder_core::web::indexed_db_store::StoreError;
/// assert!(StoreError::Unavailable.to_string().contains("storage"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// No IndexedDB (private mode in some browsers, or blocked storage).
    #[error("this browser does not allow local storage; recordings cannot survive a reload")]
    Unavailable,
    /// A request or transaction failed (quota, corruption...).
    #[error("local storage failed: {0}")]
    Failed(String),
}

impl From<JsValue> for StoreError {
    fn from(error: JsValue) -> Self {
        StoreError::Failed(js_error_message(&error))
    }
}

/// Takes in the IndexedDB database `name`: a `takes` store of descriptions
/// and a `chunks` store keyed by `[take, index]`.
///
/// ```no_run
/// # async fn f() -> Result<(), recorder_core::web::indexed_db_store::StoreError> {
/// use recorder_core::take_store::TakeStore;
/// let store = recorder_core::web::indexed_db_store::IndexedDbTakeStore::open("interview-recorder").await?;
/// store.append("take-1", 0, b"webm bytes").await?;
/// # Ok(()) }
/// ```
pub struct IndexedDbTakeStore {
    db: IdbDatabase,
}

impl IndexedDbTakeStore {
    /// Opens (creating on first use) the database `name`.
    ///
    /// ```no_run
    /// # async fn f() -> Result<(), recorder_core::web::indexed_db_store::StoreError> {
    /// let store = recorder_core::web::indexed_db_store::IndexedDbTakeStore::open("interview-recorder").await?;
    /// # Ok(()) }
    /// ```
    pub async fn open(name: &str) -> Result<IndexedDbTakeStore, StoreError> {
        let db = open_version(name, VERSION).await?;
        if [TAKES, CHUNKS]
            .iter()
            .all(|store| db.object_store_names().contains(store))
        {
            return Ok(IndexedDbTakeStore { db });
        }
        // An earlier open was cancelled while upgrading (its page or recorder
        // went away): the database exists without its stores. One version
        // up runs the upgrade again.
        let version = db.version() as u32 + 1;
        db.close();
        Ok(IndexedDbTakeStore {
            db: open_version(name, version).await?,
        })
    }

    /// A transaction over `stores`; writes use strict durability (on disk
    /// when complete), not the relaxed default.
    fn transaction(&self, stores: &[&str], write: bool) -> Result<IdbTransaction, StoreError> {
        let names = js_sys::Array::new();
        for store in stores {
            names.push(&JsValue::from_str(store));
        }
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"durability".into(), &"strict".into())?;
        let mode = if write { "readwrite" } else { "readonly" };
        let open = js_sys::Reflect::get(&self.db, &"transaction".into())?
            .dyn_into::<js_sys::Function>()
            .map_err(StoreError::from)?;
        open.call3(&self.db, &names, &mode.into(), &options)?
            .dyn_into()
            .map_err(StoreError::from)
    }

    async fn read(
        &self,
        store: &str,
        query: Option<&JsValue>,
    ) -> Result<js_sys::Array, StoreError> {
        let object_store = self.transaction(&[store], false)?.object_store(store)?;
        let request = match query {
            Some(query) => object_store.get_all_with_key(query)?,
            None => object_store.get_all()?,
        };
        Ok(finish(&request).await?.unchecked_into())
    }

    fn chunks_of(key: &str) -> Result<IdbKeyRange, StoreError> {
        let bound = |index: f64| js_sys::Array::of2(&key.into(), &index.into());
        Ok(IdbKeyRange::bound(
            &bound(0.0),
            &bound(f64::from(u32::MAX)),
        )?)
    }
}

impl TakeStore for IndexedDbTakeStore {
    type Error = StoreError;

    async fn describe(&self, key: &str, info: &TakeInfo) -> Result<(), StoreError> {
        let transaction = self.transaction(&[TAKES], true)?;
        let value = serde_wasm_bindgen::to_value(&(key, info))
            .map_err(|e| StoreError::Failed(e.to_string()))?;
        transaction
            .object_store(TAKES)?
            .put_with_key(&value, &key.into())?;
        complete(&transaction).await
    }

    async fn append(&self, key: &str, index: u32, bytes: &[u8]) -> Result<(), StoreError> {
        let transaction = self.transaction(&[CHUNKS], true)?;
        let chunk_key = js_sys::Array::of2(&key.into(), &index.into());
        let value = js_sys::Uint8Array::from(bytes);
        transaction
            .object_store(CHUNKS)?
            .put_with_key(&value, &chunk_key)?;
        complete(&transaction).await
    }

    async fn takes(&self) -> Result<Vec<StoredTake>, StoreError> {
        let mut takes = Vec::new();
        for described in self.read(TAKES, None).await?.iter() {
            // Stored as `[key, info]`.
            let field = |index| js_sys::Reflect::get_u32(&described, index).unwrap_or_default();
            let key = field(0)
                .as_string()
                .ok_or_else(|| StoreError::Failed("a stored take has no key".into()))?;
            let info: TakeInfo =
                from_js(&field(1)).map_err(|e| StoreError::Failed(e.to_string()))?;
            let chunks = self
                .read(CHUNKS, Some(&Self::chunks_of(&key)?.into()))
                .await?;
            takes.push(StoredTake {
                chunks: chunks
                    .iter()
                    .map(|chunk| chunk.unchecked_into::<js_sys::Uint8Array>().to_vec())
                    .collect(),
                key,
                info,
            });
        }
        Ok(takes)
    }

    async fn remove(&self, key: &str) -> Result<(), StoreError> {
        let transaction = self.transaction(&[TAKES, CHUNKS], true)?;
        transaction.object_store(TAKES)?.delete(&key.into())?;
        transaction
            .object_store(CHUNKS)?
            .delete(&Self::chunks_of(key)?.into())?;
        complete(&transaction).await
    }
}

/// Opens `name` at `version`, creating the stores an upgrade finds missing.
async fn open_version(name: &str, version: u32) -> Result<IdbDatabase, StoreError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(StoreError::Unavailable)?;
    let request = factory.open_with_u32(name, version)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            for store in [TAKES, CHUNKS] {
                if !db.object_store_names().contains(store) {
                    // A failure here fails the open request, which is reported below.
                    let _ = db.create_object_store(store);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let _detach = OnDrop(|| request.set_onupgradeneeded(None));
    let db = finish(&request).await?;
    db.dyn_into().map_err(StoreError::from)
}

/// Waits for a request's success (its result) or error.
async fn finish(request: &IdbRequest) -> Result<JsValue, StoreError> {
    let (sender, receiver) = oneshot::channel::<Result<(), ()>>();
    let sender = std::rc::Rc::new(std::cell::Cell::new(Some(sender)));
    let (ok, failed) = (sender.clone(), sender);
    let on_success = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if let Some(s) = ok.take() {
            let _ = s.send(Ok(()));
        }
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if let Some(s) = failed.take() {
            let _ = s.send(Err(()));
        }
    });
    request.set_onsuccess(Some(on_success.as_ref().unchecked_ref()));
    request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let detach = OnDrop(|| {
        request.set_onsuccess(None);
        request.set_onerror(None);
    });
    let outcome = receiver.await;
    drop(detach);
    match outcome {
        Ok(Ok(())) => Ok(request.result()?),
        _ => Err(StoreError::Failed(
            request
                .error()
                .ok()
                .flatten()
                .map(|e| format!("{}: {}", e.name(), e.message()))
                .unwrap_or_else(|| "request failed".into()),
        )),
    }
}

/// Waits until a transaction is committed (or fails).
async fn complete(transaction: &IdbTransaction) -> Result<(), StoreError> {
    let (sender, receiver) = oneshot::channel::<bool>();
    let sender = std::rc::Rc::new(std::cell::Cell::new(Some(sender)));
    let settle = |committed: bool| {
        let sender = sender.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            if let Some(s) = sender.take() {
                let _ = s.send(committed);
            }
        })
    };
    let (on_complete, on_error, on_abort) = (settle(true), settle(false), settle(false));
    transaction.set_oncomplete(Some(on_complete.as_ref().unchecked_ref()));
    transaction.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    transaction.set_onabort(Some(on_abort.as_ref().unchecked_ref()));
    let _detach = OnDrop(|| {
        transaction.set_oncomplete(None);
        transaction.set_onerror(None);
        transaction.set_onabort(None);
    });
    if receiver.await == Ok(true) {
        Ok(())
    } else {
        Err(StoreError::Failed(
            transaction
                .error()
                .map(|e| format!("{}: {}", e.name(), e.message()))
                .unwrap_or_else(|| "transaction aborted".into()),
        ))
    }
}

/// Runs its function when dropped. Handlers set on a request go before their
/// closures do, even when the future awaiting them is cancelled: the browser
/// must never call a closure that no longer exists.
struct OnDrop<F: FnMut()>(F);

impl<F: FnMut()> Drop for OnDrop<F> {
    fn drop(&mut self) {
        (self.0)()
    }
}
