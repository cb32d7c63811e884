package dev.pounce.slurm.sacct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields sacct 22.05 knows ({@code sacct --helpformat}) with their default widths (negative:
 * left-justified), as in {@code src/sacct/sacct.c}.
 */
final class SacctFields {

  private SacctFields() {}

  static final Map<String, Integer> WIDTHS = new LinkedHashMap<>();

  /** Numeric fields: printed without the {@code +} overflow mark. */
  static final List<String> NUMERIC =
      List.of(
          "AllocCPUS",
          "AssocID",
          "CPUTimeRAW",
          "ElapsedRaw",
          "GID",
          "NCPUS",
          "NNodes",
          "NTasks",
          "Priority",
          "QOSRAW",
          "ReqCPUS",
          "UID");

  static {
    Object[] t = {
      "Account",
      10,
      "AdminComment",
      15,
      "AllocCPUS",
      10,
      "AllocNodes",
      10,
      "AllocTRES",
      10,
      "AssocID",
      7,
      "AveCPU",
      10,
      "AveCPUFreq",
      10,
      "AveDiskRead",
      14,
      "AveDiskWrite",
      14,
      "AvePages",
      10,
      "AveRSS",
      10,
      "AveVMSize",
      10,
      "BlockID",
      16,
      "Cluster",
      10,
      "Comment",
      14,
      "Constraints",
      19,
      "ConsumedEnergy",
      14,
      "ConsumedEnergyRaw",
      17,
      "Container",
      19,
      "CPUTime",
      10,
      "CPUTimeRAW",
      10,
      "DBIndex",
      9,
      "DerivedExitCode",
      15,
      "Elapsed",
      10,
      "ElapsedRaw",
      10,
      "Eligible",
      19,
      "End",
      19,
      "ExitCode",
      8,
      "Flags",
      19,
      "GID",
      6,
      "Group",
      9,
      "JobID",
      -12,
      "JobIDRaw",
      -12,
      "JobName",
      10,
      "Layout",
      9,
      "MaxDiskRead",
      12,
      "MaxDiskReadNode",
      15,
      "MaxDiskReadTask",
      15,
      "MaxDiskWrite",
      12,
      "MaxDiskWriteNode",
      16,
      "MaxDiskWriteTask",
      16,
      "MaxPages",
      8,
      "MaxPagesNode",
      12,
      "MaxPagesTask",
      14,
      "MaxRSS",
      10,
      "MaxRSSNode",
      10,
      "MaxRSSTask",
      10,
      "MaxVMSize",
      10,
      "MaxVMSizeNode",
      14,
      "MaxVMSizeTask",
      14,
      "McsLabel",
      12,
      "MinCPU",
      10,
      "MinCPUNode",
      10,
      "MinCPUTask",
      10,
      "NCPUS",
      10,
      "NNodes",
      8,
      "NodeList",
      15,
      "NTasks",
      8,
      "Partition",
      10,
      "Priority",
      10,
      "QOS",
      10,
      "QOSRAW",
      6,
      "Reason",
      22,
      "ReqCPUFreq",
      10,
      "ReqCPUFreqGov",
      13,
      "ReqCPUFreqMax",
      13,
      "ReqCPUFreqMin",
      13,
      "ReqCPUS",
      8,
      "ReqMem",
      10,
      "ReqNodes",
      8,
      "ReqTRES",
      10,
      "Reservation",
      20,
      "ReservationId",
      13,
      "Reserved",
      10,
      "ResvCPU",
      10,
      "ResvCPURAW",
      10,
      "Start",
      19,
      "State",
      10,
      "Submit",
      19,
      "SubmitLine",
      20,
      "Suspended",
      10,
      "SystemComment",
      15,
      "SystemCPU",
      10,
      "Timelimit",
      10,
      "TimelimitRaw",
      12,
      "TotalCPU",
      10,
      "TRESUsageInAve",
      14,
      "TRESUsageInMax",
      14,
      "TRESUsageInMaxNode",
      18,
      "TRESUsageInMaxTask",
      18,
      "TRESUsageInMin",
      14,
      "TRESUsageInMinNode",
      18,
      "TRESUsageInMinTask",
      18,
      "TRESUsageInTot",
      14,
      "TRESUsageOutAve",
      15,
      "TRESUsageOutMax",
      15,
      "TRESUsageOutMaxNode",
      19,
      "TRESUsageOutMaxTask",
      19,
      "TRESUsageOutMin",
      15,
      "TRESUsageOutMinNode",
      19,
      "TRESUsageOutMinTask",
      19,
      "TRESUsageOutTot",
      15,
      "UID",
      6,
      "User",
      9,
      "UserCPU",
      10,
      "WCKey",
      10,
      "WCKeyID",
      10,
      "WorkDir",
      20
    };
    for (int i = 0; i < t.length; i += 2) {
      WIDTHS.put((String) t[i], (Integer) t[i + 1]);
    }
  }

  /** The canonical name for a user-given field name (case-insensitive, prefix), or null. */
  static String canonical(String given) {
    for (String n : WIDTHS.keySet()) {
      if (n.equalsIgnoreCase(given)) {
        return n;
      }
    }
    String g = given.toLowerCase(Locale.ROOT);
    for (String n : WIDTHS.keySet()) {
      if (!g.isEmpty() && n.toLowerCase(Locale.ROOT).startsWith(g)) {
        return n;
      }
    }
    return null;
  }

  /** {@code sacct -e}: the names in four 20-wide columns, rows ending in a newline. */
  static String helpFormat() {
    StringBuilder sb = new StringBuilder();
    List<String> names = new java.util.ArrayList<>(WIDTHS.keySet());
    names.sort(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < names.size(); i++) {
      boolean endOfLine = i % 4 == 3 || i == names.size() - 1;
      sb.append(String.format(endOfLine ? "%-19s" : "%-20s", names.get(i)));
      if (endOfLine) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }
}
