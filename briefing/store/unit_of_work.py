"""Units of work: one transaction, typed repositories, no session handed to callers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from briefing.errors import N_, ConflictError, NotFoundError
from briefing.model import Action, Area, Item, Meeting, Participant, TextBlock, Topic, Translation
from briefing.model.base import Base
from briefing.store.failures import library_failure

M = TypeVar("M", bound=Base)


class Repository(Generic[M]):
    """Access to one kind of record by its id (an int) or its key (a string), never one taken for the other."""

    def __init__(self, session: Session, model: type[M], key_attr: str = "key") -> None:
        self._session = session
        self._model = model
        self._key_attr = key_attr

    def get(self, ident: int) -> M | None:
        return self._session.get(self._model, ident)

    def by_key(self, key: str) -> M | None:
        column = getattr(self._model, self._key_attr)
        return self._session.scalars(select(self._model).where(column == key)).one_or_none()

    def require(self, key: str) -> M:
        """The record with this key (a topic "1" is the topic whose key is "1"); :class:`NotFoundError` otherwise."""
        if not isinstance(key, str):
            raise TypeError(f"a key is a string, not {type(key).__name__}; use require_id for an id")
        found = self.by_key(key)
        if found is None:
            raise NotFoundError(
                N_("No {kind} named “{key}” in the library."), kind=self._model.__tablename__, key=key
            )
        return found

    def require_id(self, ident: int) -> M:
        """The record with this id; :class:`NotFoundError` otherwise."""
        if not isinstance(ident, int) or isinstance(ident, bool):
            raise TypeError(f"an id is an int, not {type(ident).__name__}; use require for a key")
        found = self.get(ident)
        if found is None:
            raise NotFoundError(
                N_("No {kind} named “{key}” in the library."), kind=self._model.__tablename__, key=ident
            )
        return found

    def list(self, *order_by: Any) -> Sequence[M]:
        statement = select(self._model)
        if order_by:
            statement = statement.order_by(*order_by)
        elif hasattr(self._model, "position"):
            statement = statement.order_by(self._model.position, self._model.id)  # type: ignore[attr-defined]
        return self._session.scalars(statement).all()

    def keys(self) -> set[str]:
        return set(self._session.scalars(select(getattr(self._model, self._key_attr))).all())

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(self._model)) or 0)

    def add(self, record: M) -> M:
        self._session.add(record)
        return record

    def delete(self, record: M) -> None:
        self._session.delete(record)


class UnitOfWork:
    """One transaction on the library.

    ``with library.unit_of_work() as uow:`` commits when the block ends normally and rolls back when it raises;
    a concurrent edit of the same record raises :class:`ConflictError` and nothing is written.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        read_only: bool = False,
        after_commit: Callable[[], None] | None = None,
    ) -> None:
        self._sessions = sessions
        self._session: Session | None = None
        self._read_only = read_only
        self._after_commit = after_commit

    def __enter__(self) -> UnitOfWork:
        self._session = self._sessions()
        session = self._session
        if self._read_only:
            _begin_snapshot(session)
        self.areas = Repository(session, Area)
        self.topics = Repository(session, Topic)
        self.items = Repository(session, Item)
        self.actions = Repository(session, Action)
        self.participants = Repository(session, Participant)
        self.meetings = Repository(session, Meeting, key_attr="slug")
        self.texts = Repository(session, TextBlock, key_attr="id")
        """Texts have no key: look them up by id (:meth:`Repository.require_id`)."""
        self.translations = Repository(session, Translation, key_attr="id")
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session = self.session
        try:
            if exc_type is None and not self._read_only:
                self.commit()
            else:
                session.rollback()
                if isinstance(exc, StaleDataError):  # a flush inside the block met someone else's change
                    raise _conflict() from exc
                failure = library_failure(exc) if isinstance(exc, DBAPIError) else None
                if failure is not None:  # busy, full, read-only…: said as such, everything rolled back
                    raise failure from exc
        finally:
            session.close()
            self._session = None

    @property
    def session(self) -> Session:
        """The underlying session, for the store's own modules (search, interchange); not for the GUI."""
        if self._session is None:
            raise RuntimeError("unit of work used outside its with-block")
        return self._session

    def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        try:
            self.session.commit()
        except StaleDataError as exc:
            self.session.rollback()
            raise _conflict() from exc
        except DBAPIError as exc:
            self.session.rollback()
            failure = library_failure(exc)
            if failure is None:
                raise
            raise failure from exc
        if self._after_commit is not None:
            self._after_commit()

    def rollback(self) -> None:
        self.session.rollback()

    def flush(self) -> None:
        self.session.flush()

    def search(self, query: str, *, limit: int = 50) -> list[Any]:
        """Full-text search over topic titles and item texts (see :mod:`briefing.store.search`)."""
        from briefing.store.search import search

        return list(search(self.session, query, limit=limit))


def _begin_snapshot(session: Session) -> None:
    """Start the transaction now, on one snapshot that every read of the unit of work sees.

    SQLite's Python driver opens a transaction only before a write, so each read would see the latest commit:
    an explicit ``BEGIN`` holds one WAL snapshot from the first read to the end. PostgreSQL gets a
    REPEATABLE READ, read-only transaction.
    """
    name = session.get_bind().dialect.name
    if name == "sqlite":
        session.connection().exec_driver_sql("BEGIN")
    elif name == "postgresql":
        session.connection(
            execution_options={"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        )


def _conflict() -> ConflictError:
    return ConflictError(N_("Someone else changed this record in the meantime; reload it and try again."))
