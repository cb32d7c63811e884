package dev.pounce.controller.persistence;

import dev.pounce.core.node.Node;
import java.util.Comparator;

/** Orders node names as SLURM does: by prefix, then numerically by the trailing number. */
final class NodeOrder {
  static final Comparator<Node> BY_NAME = Comparator.comparing(Node::name, NodeOrder::compare);

  private NodeOrder() {}

  static int compare(String a, String b) {
    int ia = digitsStart(a);
    int ib = digitsStart(b);
    int c = a.substring(0, ia).compareTo(b.substring(0, ib));
    if (c != 0 || ia == a.length() || ib == b.length()) {
      return c != 0 ? c : a.compareTo(b);
    }
    int n = Long.compare(Long.parseLong(a.substring(ia)), Long.parseLong(b.substring(ib)));
    return n != 0 ? n : a.compareTo(b);
  }

  private static int digitsStart(String s) {
    int i = s.length();
    while (i > 0 && Character.isDigit(s.charAt(i - 1)) && s.length() - i < 18) {
      i--;
    }
    return i;
  }
}
