package id.kotacerdas.intake.report;

import java.util.List;

/** One page of results; {@code page} counts from 0. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {
}
