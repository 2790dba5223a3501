package de.klammer.portal.governance.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** A headed list of plain lines, such as a write set or a signature requirement. */
class LinesList extends Div {

    LinesList(String id, String heading, List<String> lines) {
        setId(id);
        UnorderedList list = new UnorderedList();
        lines.forEach(line -> list.add(new ListItem(line)));
        add(new H3(heading), list);
    }
}
