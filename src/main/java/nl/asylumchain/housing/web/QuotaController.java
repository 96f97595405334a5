package nl.asylumchain.housing.web;

import java.security.Principal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.asylumchain.housing.HalfYear;
import nl.asylumchain.housing.QuotaReport;
import nl.asylumchain.housing.QuotaService;
import nl.asylumchain.platform.InvalidRequestException;

/** The taakstelling per half-year: set by COA (for the state), read by anyone in the chain. */
@RestController
@RequestMapping("/api/housing/quota/{year}/{half}")
class QuotaController {

    record NationalQuota(@NotNull Integer total) {
    }

    private final QuotaService quotas;

    QuotaController(QuotaService quotas) {
        this.quotas = quotas;
    }

    @PutMapping
    @PreAuthorize("hasAnyAuthority('coa', 'camunda-admin')")
    QuotaReport set(@PathVariable int year, @PathVariable String half, @Valid @RequestBody NationalQuota quota,
            Principal user) {
        return quotas.setQuota(halfYear(year, half), quota.total(), user.getName());
    }

    @GetMapping
    QuotaReport get(@PathVariable int year, @PathVariable String half) {
        return quotas.report(halfYear(year, half));
    }

    private static HalfYear halfYear(int year, String half) {
        if (year < 2000 || year > 2100) {
            throw new InvalidRequestException("year", "must be between 2000 and 2100");
        }
        try {
            return HalfYear.parse(year, half);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("half", e.getMessage());
        }
    }
}
