"""condition.annotation_source: the data release a condition's annotations come from, where not the
main HPO release (diseases only a newer HPO release annotates)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("condition", schema=None) as batch_op:
        batch_op.add_column(sa.Column("annotation_source", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("condition", schema=None) as batch_op:
        batch_op.drop_column("annotation_source")
