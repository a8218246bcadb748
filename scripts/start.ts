import { runNext } from './run-next';

void runNext('start');
