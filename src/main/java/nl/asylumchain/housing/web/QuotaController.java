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

/** The taakstelling per half-year: set by COA (for the state), read by COA and the municipalities. */
@RestController
@RequestMapping("/api/housing/quota/{year}/{half}")
class QuotaController {

    record NationalQuota(@NotNull Integer total) {}

    private final QuotaService quotas;

    QuotaController(QuotaService quotas) {
        this.quotas = quotas;
    }

    @PutMapping
    @PreAuthorize(
            "hasAnyAuthority(T(nl.asylumchain.platform.Groups).COA, T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)")
    QuotaReport set(
            @PathVariable int year,
            @PathVariable String half,
            @Valid @RequestBody NationalQuota quota,
            Principal user) {
        return quotas.setQuota(halfYear(year, half), quota.total(), user.getName());
    }

    // COA links permit holders to municipalities by it; a municipality plans its homes by it
    @GetMapping
    @PreAuthorize(
            "hasAnyAuthority(T(nl.asylumchain.platform.Groups).COA, T(nl.asylumchain.platform.Groups).MUNICIPALITY, T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)")
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
