package nl.asylumchain;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import nl.asylumchain.forecast.ForecastCommand;

@SpringBootApplication
public class AsylumChainApplication {

    public static void main(String[] args) {
        // a forecast runs in its own context and engine, never beside a live one (docs/forecast.md)
        if (args.length > 0 && ForecastCommand.PROFILE.equals(args[0])) {
            System.exit(ForecastCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(AsylumChainApplication.class, args);
    }
}
