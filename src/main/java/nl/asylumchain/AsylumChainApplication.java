package nl.asylumchain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AsylumChainApplication {

    public static void main(String[] args) {
        SpringApplication.run(AsylumChainApplication.class, args);
    }
}
