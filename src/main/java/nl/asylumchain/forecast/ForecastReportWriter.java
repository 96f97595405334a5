package nl.asylumchain.forecast;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a report from the files a forecast left in a directory ({@code forecast.json}, {@code weekly.csv}). The
 * forecast calls every bean implementing it after writing those files, so a report (HTML, charts) is added by
 * adding a bean, without the run knowing it.
 */
public interface ForecastReportWriter {

    void write(Path dir) throws IOException;
}
