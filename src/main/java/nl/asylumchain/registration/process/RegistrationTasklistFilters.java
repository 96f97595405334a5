package nl.asylumchain.registration.process;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.TasklistFilter;
import nl.asylumchain.platform.TasklistFilter.Column;

import static nl.asylumchain.platform.TasklistFilter.CASE;

/** The Tasklist filters of registration: identification by police or KMar, the registration interview. */
@Component
class RegistrationTasklistFilters implements TasklistFilter.Source {

    private static final Column NATIONALITY = new Column("nationality", "Nationaliteit");
    private static final Column ARRIVAL = new Column("arrivalLocation", "Aankomst");
    // the track is chosen after the aanmeldgehoor: no task of registration has one yet
    private static final List<Column> COLUMNS = List.of(CASE, NATIONALITY, ARRIVAL);

    @Override
    public List<TasklistFilter> filters() {
        return List.of(
                new TasklistFilter(
                        "Politie – Identificeren en registreren",
                        List.of(Groups.POLICE_AVIM),
                        0,
                        "Aanmeldingen in Ter Apel en Budel: vingerafdrukken, Eurodac, VIS, documenten",
                        q -> q.taskCandidateGroup(Groups.POLICE_AVIM)
                                .taskDefinitionKey(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER),
                        COLUMNS),
                new TasklistFilter(
                        "KMar – Identificeren en registreren",
                        List.of(Groups.KMAR),
                        0,
                        "Aanmeldingen op Schiphol",
                        q -> q.taskCandidateGroup(Groups.KMAR)
                                .taskDefinitionKey(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER),
                        COLUMNS),
                new TasklistFilter(
                        "IND – Aanmeldgehoren",
                        List.of(Groups.IND_REGISTRATION),
                        0,
                        "Aanmeldgehoren: identiteit, nationaliteit, reisroute",
                        q -> q.taskCandidateGroup(Groups.IND_REGISTRATION)
                                .taskDefinitionKey(RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW),
                        COLUMNS),
                new TasklistFilter(
                        "IND – Aanmelding: alle taken",
                        List.of(Groups.IND_REGISTRATION),
                        1,
                        "Alle taken van IND Aanmelding",
                        q -> q.taskCandidateGroup(Groups.IND_REGISTRATION),
                        COLUMNS));
    }
}
