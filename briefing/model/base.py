"""Declarative base, UTC timestamps and optimistic locking shared by every table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy import Enum as SAEnum
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """The current time, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC and hands back aware UTC datetimes, whatever the backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is expected")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    """Base of every mapped class."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    def __init__(self, **kwargs: Any) -> None:
        """Apply column defaults at construction, so a new object reads the same before and after a flush."""
        table = getattr(self, "__table__", None)
        if table is not None:
            for column in table.columns:
                default = column.default
                if column.key in kwargs or default is None or column.key == "version" or column.primary_key:
                    continue
                if default.is_scalar:
                    kwargs[column.key] = default.arg
                elif default.is_callable:
                    kwargs[column.key] = default.arg(None)
        mapped = getattr(type(self), "__mapper__", None)
        attributes = mapped.attrs.keys() if mapped is not None else kwargs.keys()
        # Columns and relationships first: a plain attribute (a short field's text) may depend on them.
        for key, value in sorted(kwargs.items(), key=lambda pair: pair[0] not in attributes):
            if not hasattr(type(self), key):
                raise TypeError(f"{type(self).__name__} has no attribute {key!r}")
            setattr(self, key, value)


class Timestamped:
    """Creation and modification times in UTC, and who made the last change (see :mod:`briefing.store.watch`)."""

    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(200), nullable=True, default=None)


class Versioned(Timestamped):
    """Optimistic locking: an UPDATE that finds another version raises ``StaleDataError``."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        table = cls.__table__  # type: ignore[attr-defined]
        return {"version_id_col": table.c.version}


def enum_type(enum_cls: type[Any], length: int = 40) -> SAEnum:
    """A portable column type storing the *values* of a string enum (no native database enum)."""
    return SAEnum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
