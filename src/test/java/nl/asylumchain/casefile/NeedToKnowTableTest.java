package nl.asylumchain.casefile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.asylumchain.casefile.NeedToKnow.CaseFacts;
import nl.asylumchain.platform.Groups;

import static org.assertj.core.api.Assertions.assertThat;

/** The need-to-know table in docs/need-to-know.md is the one in {@link NeedToKnow}, and the code applies it. */
class NeedToKnowTableTest {

    private static final Path DOC = Path.of("docs/need-to-know.md");

    @Test
    void theDocumentedTableIsTheTableInTheCode() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        NeedToKnow.TABLE.forEach((group, row) -> expected.put(
                "`" + group + "`",
                row.cases().description() + " | "
                        + (row.parts().isEmpty()
                                ? "nothing"
                                : row.parts().stream().map(Enum::name).collect(Collectors.joining(", ")))));

        assertThat(tableRows("need-to-know table")).containsExactlyEntriesOf(expected);
    }

    @Test
    void theDocumentedPartsAreThePartsInTheCode() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        Arrays.stream(CaseFilePart.values()).forEach(part -> expected.put(part.name(), part.content()));

        assertThat(tableRows("parts table")).containsExactlyEntriesOf(expected);
    }

    @Test
    void everyGroupHasARow() {
        assertThat(NeedToKnow.TABLE.keySet()).containsExactlyInAnyOrderElementsOf(Groups.ALL);
    }

    @Test
    void aReaderInSeveralGroupsSeesTheUnionOfTheGroupsThatWorkOnTheCase() {
        CaseFacts linked = new CaseFacts(
                ArrivalLocation.TER_APEL,
                ApplicationType.FIRST,
                false,
                Set.of(Milestone.REGISTERED, Milestone.PERMIT_GRANTED, Milestone.MUNICIPALITY_LINKED));
        NeedToKnow.Access access = NeedToKnow.access(List.of(Groups.MUNICIPALITY, Groups.DTV, Groups.KMAR), linked);

        assertThat(access.groups()).containsExactly(Groups.MUNICIPALITY);
        assertThat(access.parts())
                .containsExactlyInAnyOrder(
                        CaseFilePart.NAME, CaseFilePart.FAMILY, CaseFilePart.HOUSING_SECTION, CaseFilePart.OWN_TASKS);
    }

    /** The rows of the markdown table after the HTML comment {@code <!-- name -->}: first cell → the others. */
    private static Map<String, String> tableRows(String name) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf("<!-- " + name + " -->");
        assertThat(start).as("marker <!-- %s --> in %s", name, DOC).isNotNegative();
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 3, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            rows.put(
                    cells[0].strip(),
                    Arrays.stream(cells).skip(1).map(String::strip).collect(Collectors.joining(" | ")));
        }
        return rows;
    }
}
