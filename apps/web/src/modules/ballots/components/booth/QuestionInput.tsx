import { GradeGrid } from './GradeGrid';
import { MultipleChoiceInput, SingleChoiceInput, type QuestionInputProps } from './ChoiceQuestions';
import { RankingInput } from './RankingInput';

/** The booth's input for a question, by its method. */
export function QuestionInput(props: QuestionInputProps) {
  switch (props.question.method) {
    case 'SINGLE':
      return <SingleChoiceInput {...props} />;
    case 'MULTIPLE':
      return <MultipleChoiceInput {...props} />;
    case 'RANKED':
      return <RankingInput {...props} />;
    case 'MAJORITY_JUDGMENT':
      return <GradeGrid {...props} />;
  }
}
