// The build of the event application on the tag 2.0.0: it fails, as a real compile error does.
console.log('compiling the event application');
console.error('src/index.ts(3,7): error TS2322: Type \'string\' is not assignable to type \'number\'.');
console.error('Build of the event application failed: 1 error');
process.exit(2);
