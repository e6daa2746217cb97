"""A service's history records (django-simple-history), with the links to each vocabulary as
they were.

The library's own `create_historical_record_m2ms` rebuilds the service from its new history
row once for every linked vocabulary (a query each, for the fields history leaves out) and
reads each link table joined to the vocabulary it points at. Writing the link tables'
rows needs neither: this reads each link table's own columns, in one query a table. What is
recorded, and the signals sent around it, are the library's (3.13).
"""

from simple_history.models import HistoricalRecords
from simple_history.signals import (
    post_create_historical_m2m_records,
    pre_create_historical_m2m_records,
)
from simple_history.utils import get_m2m_field_name


class ServiceHistoricalRecords(HistoricalRecords):
    def create_historical_record_m2ms(self, history_instance, instance):
        for field in history_instance._history_m2m_fields:
            m2m_history_model = self.m2m_models[field]
            through_model = getattr(instance, field.name).through
            columns = [column.attname for column in through_model._meta.fields]
            rows = through_model.objects.filter(**{get_m2m_field_name(field): instance})
            insert_rows = [
                m2m_history_model(history=history_instance, **row) for row in rows.values(*columns)
            ]
            pre_create_historical_m2m_records.send(
                sender=m2m_history_model,
                rows=insert_rows,
                history_instance=history_instance,
                instance=instance,
                field=field,
            )
            created_rows = m2m_history_model.objects.bulk_create(insert_rows)
            post_create_historical_m2m_records.send(
                sender=m2m_history_model,
                created_rows=created_rows,
                history_instance=history_instance,
                instance=instance,
                field=field,
            )
