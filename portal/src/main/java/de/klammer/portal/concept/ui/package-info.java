/** Views of the role and rights concept: catalogue, rights matrix, import and plan. */
@NullMarked
package de.klammer.portal.concept.ui;

import org.jspecify.annotations.NullMarked;
