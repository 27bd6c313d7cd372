import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;

/**
 * Runs Schematron files on one message with Saxon-HE and SchXslt 1.10 (compiled to XSLT once),
 * as a baseline for the hub's own validator. Arguments: message file, iterations, Schematron
 * files. Prints one line: `failed-asserts=<n> median-ms=<parse + every file, per message>`.
 */
public final class SchematronBaseline {
  public static void main(String[] args) throws Exception {
    File message = new File(args[0]);
    int iterations = Integer.parseInt(args[1]);
    Processor processor = new Processor(false);
    URL pipeline = SchematronBaseline.class.getResource("/xslt/2.0/pipeline-for-svrl.xsl");
    XsltExecutable compiler =
        processor.newXsltCompiler().compile(new StreamSource(pipeline.openStream(), pipeline.toString()));
    DocumentBuilder documents = processor.newDocumentBuilder();
    List<XsltExecutable> validators = new ArrayList<>();
    for (String schematron : Arrays.copyOfRange(args, 2, args.length)) {
      XdmDestination stylesheet = new XdmDestination();
      var compile = compiler.load30();
      compile.transform(new StreamSource(new File(schematron)), stylesheet);
      validators.add(processor.newXsltCompiler().compile(stylesheet.getXdmNode().asSource()));
    }
    XPathCompiler xpath = processor.newXPathCompiler();
    xpath.declareNamespace("svrl", "http://purl.oclc.org/dsdl/svrl");
    XPathExecutable failures = xpath.compile("count(//svrl:failed-assert | //svrl:successful-report)");

    long failed = 0;
    for (int i = 0; i < iterations; i++) failed = validate(documents, validators, failures, message);
    double[] times = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      validate(documents, validators, failures, message);
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    System.out.printf("failed-asserts=%d median-ms=%.3f%n", failed, times[iterations / 2]);
  }

  private static long validate(
      DocumentBuilder documents, List<XsltExecutable> validators, XPathExecutable failures, File message)
      throws Exception {
    XdmNode document = documents.build(message);
    long failed = 0;
    for (XsltExecutable validator : validators) {
      XdmDestination report = new XdmDestination();
      validator.load30().applyTemplates(document, report);
      var count = failures.load();
      count.setContextItem(report.getXdmNode());
      failed += Long.parseLong(count.evaluateSingle().getStringValue());
    }
    return failed;
  }
}
