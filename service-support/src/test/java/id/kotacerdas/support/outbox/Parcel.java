package id.kotacerdas.support.outbox;

import id.kotacerdas.contracts.report.ReportChannel;
import id.kotacerdas.contracts.report.ReportSubmitted;
import id.kotacerdas.contracts.report.ReportType;
import id.kotacerdas.contracts.report.ReportUpdated;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A stand-in aggregate for testing the outbox: it raises real catalogued events. */
@Document("parcels")
public class Parcel extends OutboxAggregate {

    @Id
    private String id;
    private int updates;

    public static Parcel submitted(String id) {
        Parcel parcel = new Parcel();
        parcel.id = id;
        parcel.raise(new ReportSubmitted(id, "TST-2026-000001", "test", ReportType.ADUAN, "road", "a hole", null,
                false, false, ReportChannel.APP, 0, Instant.now()));
        return parcel;
    }

    public Parcel update(String information) {
        updates++;
        raise(new ReportUpdated(id, information, Instant.now()));
        return this;
    }

    public String id() {
        return id;
    }
}
