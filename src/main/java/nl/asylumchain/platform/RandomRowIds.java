package nl.asylumchain.platform;

import java.util.UUID;

import org.springframework.stereotype.Component;

/** The application's row ids: random UUIDs (version 4), as every row had before ids became a service. */
@Component
class RandomRowIds implements RowIds {

    @Override
    public UUID next() {
        return UUID.randomUUID();
    }
}
