/**
 * The English strings, which also define every string id. Kept apart from
 * the other languages so the quiz plugin can carry them as its fallback
 * without the rest.
 */
/** The English strings, by string id. */
export const english = {
  'quiz.check': 'Check',
  'quiz.reset': 'Reset',
  'quiz.hint': 'Hint',
  'quiz.help': 'Help',
  'quiz.solution': 'Solution',
  'quiz.blank': 'Blank {n}',
  'quiz.moveUp': 'Move up',
  'quiz.moveDown': 'Move down',
  'quiz.orderHelp': 'Put the items in order with the arrow buttons, or Alt+↑ and Alt+↓.',
  'quiz.chooseFirst': 'Choose an answer first.',
  'quiz.fillFirst': 'Fill in every blank first.',
  'quiz.correct': 'Correct!',
  'quiz.wrong': 'Not quite. Try again.',
  'quiz.wrongMultiple': 'Not quite: check every correct option and no other. Try again.',
  'quiz.wrongFill': 'Not quite: the blanks marked in red are wrong. Try again.',
  'quiz.wrongOrder': 'Not quite: that order is wrong. Try again.',
  'quiz.right': 'Right.',
  'quiz.notThis': 'Not this one.',
  'quiz.moved': '{item}: position {n} of {total}',
  'quiz.summaryEmpty': 'Answer the questions to see your score here.',
  'quiz.summary': '{right} of {total} questions answered right ({percent}%).',
  'answers.title': 'Answers',
  'answers.key': 'Answer key',
  'answers.keyPage': 'Answer key ({page}/{pages})',
  'answers.blank': 'Blank {n}: {answers}',
  'course.lectures.one': '{n} lecture',
  'course.lectures.other': '{n} lectures',
  'course.slides.one': '{n} slide',
  'course.slides.other': '{n} slides',
  'course.pdf': 'PDF',
  'course.handout': 'Handout (PDF)',
  'course.notes': 'Speaker notes (PDF)',
  'course.singleFile': 'Single file (HTML)',
  'course.downloads': 'Downloads',
  'course.downloadAll': 'Download all PDFs',
  'course.downloadAllHint': 'Every PDF on this page in one ZIP file ({size})',
  'course.footer': 'Press S in a deck for the speaker view, Esc for the overview.',
} as const;

