package pearl.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import pearl.emulator.scenario.Scenario;
import pearl.emulator.scenario.ScenarioException;

/** {@code pearl run --scenario FILE}: a YAML file of steps (see {@link Scenario}). */
final class ScenarioFile {

    static final String USAGE = """
              --scenario FILE   run the YAML scenario's steps (drive GPIO inputs, set the ADC and
                                sensors, type on the UART, wait for text, expect pins, PWM, files,
                                heap) in virtual time, then stop: exit 0 when every expectation
                                held, 1 otherwise (each failure named with its step and time)
            """;

    private ScenarioFile() {
    }

    /** Takes {@code --scenario FILE} out of {@code args} and reads it; null when not given. */
    static Scenario extract(List<String> args) throws UsageException {
        int i = args.indexOf("--scenario");
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size()) {
            throw new UsageException("--scenario needs a file");
        }
        Path file = Path.of(args.get(i + 1));
        args.subList(i, i + 2).clear();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return Scenario.fromData(data);
        } catch (IOException e) {
            throw new UsageException("cannot read the scenario " + file + ": " + e.getMessage());
        } catch (YAMLException e) {
            throw new UsageException(file + " is not YAML: " + e.getMessage());
        } catch (ScenarioException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
    }
}
