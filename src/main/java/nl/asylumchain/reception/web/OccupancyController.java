package nl.asylumchain.reception.web;

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

    @GetMapping("/api/reception/occupancy")
    Occupancy occupancy() {
        return reception.occupancy();
    }
}
