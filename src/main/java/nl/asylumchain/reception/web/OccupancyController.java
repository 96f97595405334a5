package nl.asylumchain.reception.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.asylumchain.reception.Occupancy;
import nl.asylumchain.reception.ReceptionService;

/** Reception occupancy for managers, COA and the ministry: aggregate numbers only, no persons. */
@RestController
class OccupancyController {

    private final ReceptionService reception;

    OccupancyController(ReceptionService reception) {
        this.reception = reception;
    }

    // COA places people by it and Nidos places minors; other organisations have no work with the occupancy
    @GetMapping("/api/reception/occupancy")
    @PreAuthorize(
            "hasAnyAuthority(T(nl.asylumchain.platform.Groups).COA, T(nl.asylumchain.platform.Groups).NIDOS, T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)")
    Occupancy occupancy() {
        return reception.occupancy();
    }
}
